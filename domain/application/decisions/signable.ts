import { ApplicationError, ApplicationErrorCode } from '../errors';
import { requireStatus } from '../guards';
import type { ApplicationState, StateOf } from '../state';

/**
 * The application as its applicant may sign it: only a submitted application, only by the applicant.
 * Asked before a one-time code is issued, too, so that no code is sent for what cannot be signed.
 */
export function signableBy(state: ApplicationState, signerIin: string): StateOf<'submitted'> {
  if (state.status === 'signed' || state.status === 'under-review' || state.status === 'reviewed') {
    throw new ApplicationError(ApplicationErrorCode.AlreadySigned, 'The application is already signed');
  }
  const submitted = requireStatus(state, ['submitted'], 'sign', ApplicationErrorCode.AlreadySigned);
  if (signerIin !== submitted.submission.applicant.iin) {
    throw new ApplicationError(ApplicationErrorCode.SignerNotApplicant, 'Only the applicant signs the application', [
      { field: 'signerIin', reason: "is not the applicant's IIN" },
    ]);
  }
  return submitted;
}
