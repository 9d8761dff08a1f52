import { InvalidReadModelQueryError } from '@infra/read-models';
import { HttpProblem, problem } from './problem';

/** A read model's refusal of a value (a limit out of range, a cursor of another list) is the caller's 400. */
export function guarded<T>(query: () => T): T {
  try {
    return query();
  } catch (error) {
    if (error instanceof InvalidReadModelQueryError)
      throw new HttpProblem(
        problem(400, 'REQUEST.INVALID', 'Invalid request', undefined, [
          { field: error.field, reason: error.message.slice(error.field.length + 1) },
        ]),
      );
    throw error;
  }
}
