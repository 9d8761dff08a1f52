import type { ApplicationRefused, ApplicationWithdrawn } from '../../application/events';
import { sendToQuota, type Intent } from '../intents';

/** A refused or withdrawn application gives back whatever seats it holds (none is a no-op for the quota). */
export function releaseOnRefusal(event: ApplicationRefused): Intent[] {
  const { applicationId, quota } = event.data;
  return [
    sendToQuota('release-seats', {
      type: 'ReleaseSeats',
      ...quota,
      applicationId,
      reason: 'The application was refused',
    }),
  ];
}

export function releaseOnWithdrawal(event: ApplicationWithdrawn): Intent[] {
  const { applicationId, quota } = event.data;
  return [
    sendToQuota('release-seats', {
      type: 'ReleaseSeats',
      ...quota,
      applicationId,
      reason: 'The application was withdrawn',
    }),
  ];
}
