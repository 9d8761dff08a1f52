import { validateSlaPolicy, type SlaPolicy } from '../calendar/sla-policy';
import type { Decider } from '../shared/decider';
import {
  amendmentBasisOf,
  sameContent,
  tableDecider,
  nothingChanged,
  type AmendmentCommand,
  type TableState,
} from './amendment-command';
import type { SlaPolicyAmended } from './events';

/** The review clock as amended: zone, working hours, the term and the at-risk warning. */
export interface SetSlaPolicy extends AmendmentCommand {
  readonly type: 'SetSlaPolicy';
  readonly policy: SlaPolicy;
}

export type SlaPolicyState = TableState<SlaPolicyAmended['data']>;

export const slaPolicyDecider: Decider<SetSlaPolicy, SlaPolicyAmended, SlaPolicyState> = tableDecider(
  (command, state) => {
    const basis = amendmentBasisOf(command);
    const { zone, workdayStart, workdayEnd, reviewWorkingDays, atRiskWorkingDaysBeforeDue } = command.policy ?? {};
    const policy: SlaPolicy = { zone, workdayStart, workdayEnd, reviewWorkingDays, atRiskWorkingDaysBeforeDue };
    validateSlaPolicy(policy);
    if (state.latest && sameContent(state.latest.policy, policy)) throw nothingChanged('the SLA policy');
    return [{ type: 'SlaPolicyAmended', data: { ...basis, version: String(state.amendments + 1), policy } }];
  },
);
