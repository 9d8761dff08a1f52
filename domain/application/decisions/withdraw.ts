import { corrupted, Folds } from '../fold';
import { ApplicationErrorCode } from '../errors';
import { ApplicationWithdrawn } from '../events';
import { requireStatus, requireText } from '../guards';
import { ApplicationState } from '../state';
import { quotaOf } from '../submission';
import type { TimedCommand } from './timed-command';

export interface WithdrawApplication extends TimedCommand {
  readonly type: 'WithdrawApplication';
  readonly reason: string;
}

/** The applicant may withdraw until a decision is taken; nothing happens to a withdrawn application. */
export function withdraw(command: WithdrawApplication, state: ApplicationState): ApplicationWithdrawn[] {
  const open = requireStatus(
    state,
    ['submitted', 'signed', 'under-review', 'reviewed', 'refusal-proposed'],
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

export const withdrawFolds: Folds<'ApplicationWithdrawn'> = {
  ApplicationWithdrawn: (state, event) => {
    if (state.status === 'none') throw corrupted(state, event.type);
    return { ...state, status: 'withdrawn', withdrawnFrom: state.status, withdrawnAt: event.data.withdrawnAt };
  },
};
