import { ViolationCollector } from '../shared/errors';
import { isRegionCode, RegionCode } from '../shared/region';
import { SubsidyError, SubsidyErrorCode } from './errors';
import { isCalendarDate as isIsoDate } from '../shared/calendar-date';
import { MCI_TABLE, mciOn, MciRow } from './mci';
import { DEFAULT_RENT_RATES, rentRateFor, RentRateTable, SETTLEMENT_KINDS, SettlementKind } from './rent-rates';
import { exactTenge, RENT_LEGAL_BASIS, RentSubsidyCalculation } from './subsidy-calculation';

export const RENT_SUBSIDY_MONTHS = 12;

export interface RentSubsidyInput {
  readonly region: RegionCode;
  readonly settlementKind: SettlementKind;
  /** 'yyyy-MM-dd': the MCI in force on this date applies. */
  readonly decisionDate: string;
  readonly mciTable?: readonly MciRow[];
  readonly rentRates?: RentRateTable;
}

/** Rent and utilities subsidy: 15–30 MCI per family per month (rate from the table), for 12 months. */
export function rentSubsidy(input: RentSubsidyInput): RentSubsidyCalculation {
  const found = new ViolationCollector();
  found.check(isRegionCode(input.region), 'region', 'must be a known region code');
  found.check(SETTLEMENT_KINDS.includes(input.settlementKind), 'settlementKind', "must be 'city', 'town' or 'village'");
  found.check(isIsoDate(input.decisionDate), 'decisionDate', "must be a date 'yyyy-MM-dd'");
  found.throwIfAny(
    (violations) =>
      new SubsidyError(SubsidyErrorCode.InvalidInput, 'The subsidy calculation input is invalid', violations),
  );
  const table = input.rentRates ?? DEFAULT_RENT_RATES;
  const monthlyRateMci = rentRateFor(input.region, input.settlementKind, table);
  const mci = mciOn(input.decisionDate, input.mciTable ?? MCI_TABLE);
  const monthlyAmount = exactTenge(monthlyRateMci, mci.value);
  return {
    kind: 'rent',
    amount: exactTenge(monthlyAmount, RENT_SUBSIDY_MONTHS),
    mci,
    inputs: {
      monthlyRateMci,
      months: RENT_SUBSIDY_MONTHS,
      monthlyAmount,
      rateTable: { version: table.version, provisional: table.provisional },
    },
    formula: 'monthlyRateMci × MCI × 12 months',
    legalBasis: RENT_LEGAL_BASIS,
  };
}
