import { assertNever, Decider } from '../shared/decider';
import { ApplicationCommand } from './commands';
import { include, refuse } from './decisions/decide-outcome';
import { grantSubsidy } from './decisions/grant-subsidy';
import { reassignReview, recordReview, startReview } from './decisions/review';
import { sign } from './decisions/sign';
import { escalate, flagAtRisk, recordBreach, scheduleDeadline } from './decisions/sla';
import { submit } from './decisions/submit';
import { withdraw } from './decisions/withdraw';
import { ApplicationEvent } from './events';
import { evolve } from './evolve';
import { ApplicationState, initialApplicationState } from './state';

export function decide(command: ApplicationCommand, state: ApplicationState): readonly ApplicationEvent[] {
  switch (command.type) {
    case 'SubmitApplication':
      return submit(command, state);
    case 'SignApplication':
      return sign(command, state);
    case 'ScheduleReviewDeadline':
      return scheduleDeadline(command, state);
    case 'StartReview':
      return startReview(command, state);
    case 'ReassignReview':
      return reassignReview(command, state);
    case 'RecordReview':
      return recordReview(command, state);
    case 'IncludeInQuota':
      return include(command, state);
    case 'RefuseApplication':
      return refuse(command, state);
    case 'GrantSubsidy':
      return grantSubsidy(command, state);
    case 'WithdrawApplication':
      return withdraw(command, state);
    case 'FlagReviewSlaAtRisk':
      return flagAtRisk(command, state);
    case 'RecordReviewSlaBreach':
      return recordBreach(command, state);
    case 'EscalateReview':
      return escalate(command, state);
    default:
      return assertNever(command, 'application command');
  }
}

/** The Application aggregate: one stream per application (`application-<uuid>`). */
export const applicationDecider: Decider<ApplicationCommand, ApplicationEvent, ApplicationState> = {
  initialState: initialApplicationState,
  evolve,
  decide,
};

export const applicationStreamId = (applicationId: string): string => `application-${applicationId}`;
