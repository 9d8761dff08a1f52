import { WithdrawApplication } from '../commands';
import { ApplicationErrorCode } from '../errors';
import { ApplicationWithdrawn } from '../events';
import { requireStatus, requireText } from '../guards';
import { ApplicationState } from '../state';
import { quotaOf } from '../submission';

/** The applicant may withdraw until a decision is taken; nothing happens to a withdrawn application. */
export function withdraw(command: WithdrawApplication, state: ApplicationState): ApplicationWithdrawn[] {
  const open = requireStatus(
    state,
    ['submitted', 'signed', 'under-review', 'reviewed'],
    'withdraw',
    ApplicationErrorCode.AlreadyDecided,
  );
  const reason = requireText(command.reason, 'reason');
  return [
    {
      type: 'ApplicationWithdrawn',
      data: { applicationId: command.applicationId, quota: quotaOf(open.submission), reason, withdrawnAt: command.at },
    },
  ];
}
