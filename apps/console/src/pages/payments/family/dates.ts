import { refusedInput } from '../../../components/field-errors';
import { parseDate } from '../../../format/parse';

/**
 * The dates a form takes, as typed (`05.03.2026`), as the API takes them (`2026-03-05`); any it
 * cannot read is refused under its field before anything is sent.
 */
export function datesOf<F extends string>(typed: Record<F, string>, badDate: string): Record<F, string> {
  const parsed = {} as Record<F, string>;
  const faults: { field: string; reason: string }[] = [];
  for (const field of Object.keys(typed) as F[]) {
    const date = parseDate(typed[field]);
    if (date === null) faults.push({ field, reason: badDate });
    else parsed[field] = date;
  }
  if (faults.length > 0) throw refusedInput(faults);
  return parsed;
}
