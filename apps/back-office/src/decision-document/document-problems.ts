import { AuditStreamNotFoundError, DecisionNotTakenError, SubsidiesNotGrantedYetError } from '@libs/workflow';
import { HttpProblem, problem } from '../http/problem';

/**
 * Runs a read of one application and answers its refusals as problems: unknown (or, to a portal,
 * not its own) is 404; a letter that cannot be issued yet is 409 with the reason.
 */
export async function readingApplication<T>(applicationId: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AuditStreamNotFoundError)
      throw new HttpProblem(
        problem(404, 'APPLICATION.NOT_FOUND', 'No such application', `No application ${applicationId}`),
      );
    if (error instanceof DecisionNotTakenError)
      throw new HttpProblem(
        problem(
          409,
          error.code,
          'Not decided yet',
          `${error.message}: the decision letter is issued with the decision`,
        ),
      );
    if (error instanceof SubsidiesNotGrantedYetError)
      throw new HttpProblem(problem(409, error.code, 'Subsidies being granted', `${error.message}; retry shortly`), {
        'Retry-After': '1',
      });
    throw error;
  }
}
