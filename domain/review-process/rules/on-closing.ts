import type { ApplicationRefused, ApplicationWithdrawn } from '../../application/events';
import type { ReleaseReason } from '../../person/events';
import { sendToPersons, sendToQuota, type Intent } from '../intents';

/**
 * A refused or withdrawn application gives back whatever seats it holds (none is a no-op for the
 * quota), and its persons: each may then be named by a new application (ADR 16).
 */
function release(event: ApplicationRefused | ApplicationWithdrawn, reason: string, persons: ReleaseReason): Intent[] {
  const { applicationId, quota } = event.data;
  // A refusal can be revoked (ADR 32): its release gives back only what is still the refusal's.
  const follows = event.type === 'ApplicationRefused' ? ({ follows: 'refusal' } as const) : {};
  return [
    sendToQuota('release-seats', { type: 'ReleaseSeats', ...quota, applicationId, reason, ...follows }),
    sendToPersons('release-persons', { type: 'ReleasePersons', applicationId, reason: persons }),
  ];
}

export const releaseOnRefusal = (event: ApplicationRefused): Intent[] =>
  release(event, 'The application was refused', 'application-refused');

export const releaseOnWithdrawal = (event: ApplicationWithdrawn): Intent[] =>
  release(event, 'The application was withdrawn', 'application-withdrawn');
