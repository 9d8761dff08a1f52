import { InvalidReadModelQueryError } from '@infra/read-models';
import { HttpProblem, problem } from './problem';

/** A read model's refusal of a value (a limit out of range, a cursor of another list) is the caller's 400. */
export function guarded<T>(query: () => T): T {
  try {
    return query();
  } catch (error) {
    throw refusalOf(error);
  }
}

/** The same, for a query that reads the store (asynchronously). */
export async function guardedAsync<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    throw refusalOf(error);
  }
}

function refusalOf(error: unknown): unknown {
  if (!(error instanceof InvalidReadModelQueryError)) return error;
  return new HttpProblem(
    problem(400, 'REQUEST.INVALID', 'Invalid request', undefined, [
      { field: error.field, reason: error.message.slice(error.field.length + 1) },
    ]),
  );
}
