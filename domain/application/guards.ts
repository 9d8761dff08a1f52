import { ApplicationError, ApplicationErrorCode } from './errors';
import { ApplicationState, ApplicationStatus, StateOf } from './state';

/**
 * The state a command needs, or the error that says why the application is not there: a step out of
 * order is refused with the code of what stands in the way (not submitted, withdrawn, decided, …).
 */
export function requireStatus<S extends ApplicationStatus>(
  state: ApplicationState,
  allowed: readonly S[],
  step: string,
  otherwise: ApplicationErrorCode,
): StateOf<S> {
  if ((allowed as readonly ApplicationStatus[]).includes(state.status)) return state as StateOf<S>;
  const blocking = blockingCode(state.status) ?? otherwise;
  throw new ApplicationError(blocking, `Cannot ${step}: the application is ${state.status}`);
}

function blockingCode(status: ApplicationStatus): ApplicationErrorCode | null {
  switch (status) {
    case 'none':
      return ApplicationErrorCode.NotSubmitted;
    case 'withdrawn':
      return ApplicationErrorCode.Withdrawn;
    case 'included':
    case 'refused':
      return ApplicationErrorCode.AlreadyDecided;
    case 'refusal-proposed':
      return ApplicationErrorCode.RefusalProposed;
    default:
      return null;
  }
}

export function requireText(
  value: unknown,
  field: string,
  code: ApplicationErrorCode = ApplicationErrorCode.InvalidCommand,
): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new ApplicationError(code, `${field} is required`, [{ field, reason: 'is required' }]);
  }
  return value.trim();
}
