import { ViolationCollector } from '../shared/errors';
import { isRegionCode, RegionCode } from '../shared/region';
import { SubsidyError, SubsidyErrorCode } from './errors';

export type SettlementKind = 'city' | 'town' | 'village';

export const SETTLEMENT_KINDS: readonly SettlementKind[] = ['city', 'town', 'village'];

/** The law's bounds: 15 to 30 MCI per family per month (order No. 234 of 22.06.2023, FACTS). */
export const RENT_RATE_MIN_MCI = 15;
export const RENT_RATE_MAX_MCI = 30;

/**
 * Monthly rent and utilities subsidy rates, in MCI per family, by region and settlement kind.
 * What sets the rate inside 15–30 was NOT found in the legal text (news: the settlement and the
 * family size), so the rates are data an administrator sets; `version` is recorded with every
 * calculation, and `provisional` stays true until an administrator has confirmed the values.
 */
export interface RentRateTable {
  readonly version: string;
  readonly provisional: boolean;
  readonly rates: Readonly<Partial<Record<RegionCode, Readonly<Partial<Record<SettlementKind, number>>>>>>;
}

/** PROVISIONAL defaults, not law: one guess per settlement kind, for every region with a 2025 or 2026 quota. */
const PROVISIONAL_RATE: Readonly<Record<SettlementKind, number>> = { city: 30, town: 20, village: 15 };

const QUOTA_REGIONS: readonly RegionCode[] = [
  'abai',
  'akmola',
  'atyrau',
  'east_kazakhstan',
  'karaganda',
  'kostanay',
  'north_kazakhstan',
  'pavlodar',
  'ulytau',
  'west_kazakhstan',
];

/** PROVISIONAL: an administrator must confirm or replace these values before real payments. */
export const DEFAULT_RENT_RATES: RentRateTable = {
  version: 'provisional-default-1',
  provisional: true,
  rates: Object.fromEntries(QUOTA_REGIONS.map((region) => [region, { ...PROVISIONAL_RATE }])),
};

/** Throws unless every region and kind exists and every rate is a whole number of MCI within 15–30. */
export function validateRentRateTable(table: RentRateTable): void {
  const keys = new ViolationCollector();
  const values = new ViolationCollector();
  for (const [region, kinds] of Object.entries(table.rates)) {
    keys.check(isRegionCode(region), `rates.${region}`, 'is not a known region code');
    for (const [kind, rate] of Object.entries(kinds ?? {})) {
      keys.check(
        SETTLEMENT_KINDS.includes(kind as SettlementKind),
        `rates.${region}.${kind}`,
        'is not a settlement kind',
      );
      const inRange = Number.isInteger(rate) && rate >= RENT_RATE_MIN_MCI && rate <= RENT_RATE_MAX_MCI;
      values.check(
        inRange,
        `rates.${region}.${kind}`,
        `must be a whole number of MCI from ${RENT_RATE_MIN_MCI} to ${RENT_RATE_MAX_MCI}`,
      );
    }
  }
  keys.throwIfAny(
    (violations) =>
      new SubsidyError(SubsidyErrorCode.InvalidRentRateTable, 'The rent rate table is invalid', violations),
  );
  values.throwIfAny(
    (violations) =>
      new SubsidyError(
        SubsidyErrorCode.RentRateOutOfRange,
        'Rent subsidy rates must be whole numbers of MCI from 15 to 30',
        violations,
      ),
  );
}

/** The monthly rate in MCI for a region and settlement kind; SUBSIDY.RENT_RATE_NOT_SET when none. */
export function rentRateFor(
  region: RegionCode,
  kind: SettlementKind,
  table: RentRateTable = DEFAULT_RENT_RATES,
): number {
  validateRentRateTable(table);
  const rate = table.rates[region]?.[kind];
  if (rate === undefined)
    throw new SubsidyError(SubsidyErrorCode.RentRateNotSet, `No rent subsidy rate is set for ${region} (${kind})`);
  return rate;
}
