import { ApiProblem } from '../api/problem';

/**
 * The reason the API gave for one field of a form (`capacity`, `order.date`), to show under that
 * input; a problem about a nested field (`order.date`) is shown under its parent when asked for it.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const faults = error.errors.filter((fault) => fieldMatches(fault.field, field));
  if (faults.length === 0) return undefined;
  return faults.map((fault) => fault.reason ?? fault.message ?? error.title).join('; ');
}

/** True when every field the problem names is one the form shows (so no general alert is needed). */
export function onlyFieldErrors(error: unknown, fields: readonly string[]): boolean {
  return (
    error instanceof ApiProblem &&
    error.errors.length > 0 &&
    error.errors.every((fault) => fields.some((field) => fieldMatches(fault.field, field)))
  );
}

/**
 * A refusal the console makes itself before asking (a date it cannot read), in the API's own shape,
 * so the form shows it under the field like the API's.
 */
export function refusedInput(errors: readonly { field: string; reason: string }[]): ApiProblem {
  return new ApiProblem(400, 'REQUEST.INVALID', 'Invalid input', undefined, errors);
}

/** `findings[2].note` belongs to the input of `findings[2]` and to the one of `findings`. */
export function fieldMatches(named: string, field: string): boolean {
  return named === field || named.startsWith(`${field}.`) || named.startsWith(`${field}[`);
}
