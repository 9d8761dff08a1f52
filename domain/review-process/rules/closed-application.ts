import { ApplicationErrorCode } from '../../application/errors';

/** The application moved on (decided or withdrawn) while the process acted for it: the step is moot. */
export const APPLICATION_CLOSED: readonly string[] = [
  ApplicationErrorCode.AlreadyDecided,
  ApplicationErrorCode.Withdrawn,
];
