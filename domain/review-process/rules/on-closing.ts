import type { ApplicationRefused, ApplicationWithdrawn } from '../../application/events';
import { sendToQuota, type Intent } from '../intents';

/** A refused or withdrawn application gives back whatever seats it holds (none is a no-op for the quota). */
function releaseSeats(event: ApplicationRefused | ApplicationWithdrawn, reason: string): Intent[] {
  const { applicationId, quota } = event.data;
  return [sendToQuota('release-seats', { type: 'ReleaseSeats', ...quota, applicationId, reason })];
}

export const releaseOnRefusal = (event: ApplicationRefused): Intent[] =>
  releaseSeats(event, 'The application was refused');

export const releaseOnWithdrawal = (event: ApplicationWithdrawn): Intent[] =>
  releaseSeats(event, 'The application was withdrawn');
