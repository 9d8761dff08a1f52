import { ViolationCollector } from '../shared/errors';
import { SubsidyError, SubsidyErrorCode } from './errors';
import { isCalendarDate as isIsoDate } from '../shared/calendar-date';
import { MCI_TABLE, mciOn, MciRow } from './mci';
import { exactTenge, RELOCATION_LEGAL_BASIS, RelocationSubsidyCalculation } from './subsidy-calculation';

export const RELOCATION_MCI_PER_PERSON = 70;

export interface RelocationSubsidyInput {
  /** The head of the family plus each family member moving: a whole number ≥ 1. */
  readonly persons: number;
  /** 'yyyy-MM-dd': the MCI in force on this date applies. */
  readonly decisionDate: string;
  readonly mciTable?: readonly MciRow[];
}

/** One-time relocation subsidy: 70 MCI for the head of the family and each member (order No. 234). */
export function relocationSubsidy(input: RelocationSubsidyInput): RelocationSubsidyCalculation {
  const found = new ViolationCollector();
  found.check(
    Number.isSafeInteger(input.persons) && input.persons >= 1,
    'persons',
    'must be a whole number, 1 or more',
  );
  found.check(isIsoDate(input.decisionDate), 'decisionDate', "must be a date 'yyyy-MM-dd'");
  found.throwIfAny(
    (violations) =>
      new SubsidyError(SubsidyErrorCode.InvalidInput, 'The subsidy calculation input is invalid', violations),
  );
  const mci = mciOn(input.decisionDate, input.mciTable ?? MCI_TABLE);
  return {
    kind: 'relocation',
    amount: exactTenge(RELOCATION_MCI_PER_PERSON, mci.value, input.persons),
    mci,
    inputs: { persons: input.persons, mciPerPerson: RELOCATION_MCI_PER_PERSON },
    formula: '70 MCI × persons',
    legalBasis: RELOCATION_LEGAL_BASIS,
  };
}
