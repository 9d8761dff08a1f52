import { expectStatus, Folds } from '../fold';
import type { SubsidyKind } from '../events';
import { MciRow, relocationSubsidy, rentSubsidy, RentRateTable, SubsidyCalculation } from '../../subsidy';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import { SubsidyGranted } from '../events';
import { requireStatus } from '../guards';
import { ApplicationState, StateOf } from '../state';
import type { TimedCommand } from './timed-command';

export interface GrantSubsidy extends TimedCommand {
  readonly type: 'GrantSubsidy';
  readonly kind: SubsidyKind;
  /** The administrator's current tables (MCI, rent rates); the domain's defaults when omitted. */
  readonly policy?: SubsidyPolicyData;
}

/** The administrator's tables; the domain's defaults stand in for whatever is omitted. */
export interface SubsidyPolicyData {
  readonly mciTable?: readonly MciRow[];
  readonly rentRates?: RentRateTable;
}

/**
 * Inclusion unlocks the relocation subsidy (70 MCI a person) and the rent subsidy (15–30 MCI a
 * month for 12 months), each granted once, computed here from the inclusion itself with the MCI in
 * force on the decision date — never taken on trust from the caller.
 */
export function grantSubsidy(command: GrantSubsidy, state: ApplicationState): SubsidyGranted[] {
  if (state.status === 'refused')
    throw new ApplicationError(ApplicationErrorCode.NotIncluded, 'A refused application receives no subsidy');
  const included = requireStatus(state, ['included'], 'grant a subsidy', ApplicationErrorCode.NotIncluded);
  if (command.kind !== 'relocation' && command.kind !== 'rent') {
    throw new ApplicationError(ApplicationErrorCode.InvalidCommand, 'Unknown subsidy kind', [
      { field: 'kind', reason: 'must be relocation or rent' },
    ]);
  }
  if (included.subsidies[command.kind]) {
    throw new ApplicationError(
      ApplicationErrorCode.SubsidyAlreadyGranted,
      `The ${command.kind} subsidy was already granted`,
    );
  }
  const calculation = calculate(command, included);
  return [
    { type: 'SubsidyGranted', data: { applicationId: command.applicationId, grantedAt: command.at, ...calculation } },
  ];
}

function calculate(command: GrantSubsidy, included: StateOf<'included'>): SubsidyCalculation {
  const policy = command.policy ?? {};
  const decisionDate = included.decisionDate;
  if (command.kind === 'relocation') {
    return relocationSubsidy({ persons: included.persons, decisionDate, mciTable: policy.mciTable });
  }
  const { region, settlement } = included.submission;
  return rentSubsidy({
    region,
    settlementKind: settlement.kind,
    decisionDate,
    mciTable: policy.mciTable,
    rentRates: policy.rentRates,
  });
}

export const subsidyFolds: Folds<'SubsidyGranted'> = {
  SubsidyGranted: (state, event) => {
    const included = expectStatus(state, 'included', event.type);
    return { ...included, subsidies: { ...included.subsidies, [event.data.kind]: event.data } };
  },
};
