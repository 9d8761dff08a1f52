import { Tenge, tenge } from '../shared/money';
import { MciInForce } from './mci';

const ORDER_234 = 'Order No. 234 of 22.06.2023 (amended 2025) on state support of kandas and resettlers';

export const RELOCATION_LEGAL_BASIS = `${ORDER_234}: one-time relocation subsidy of 70 MCI for the head of the family and each family member`;

export const RENT_LEGAL_BASIS =
  `${ORDER_234}: rent and utilities subsidy of 15 to 30 MCI per family per month for 12 months; ` +
  'the rate inside 15–30 comes from the administrator-set rate table (not found in the legal text)';

/** The relocation subsidy: 70 MCI × persons (the head of the family and each member). */
export interface RelocationSubsidyCalculation {
  readonly kind: 'relocation';
  readonly amount: Tenge;
  readonly mci: MciInForce;
  readonly inputs: { readonly persons: number; readonly mciPerPerson: 70 };
  readonly formula: '70 MCI × persons';
  readonly legalBasis: string;
}

/** The rent and utilities subsidy: the monthly rate (MCI) × MCI, paid for 12 months. */
export interface RentSubsidyCalculation {
  readonly kind: 'rent';
  readonly amount: Tenge;
  readonly mci: MciInForce;
  readonly inputs: {
    readonly monthlyRateMci: number;
    readonly months: 12;
    readonly monthlyAmount: Tenge;
    /** Which rate table gave the rate, and whether its values were still provisional. */
    readonly rateTable: { readonly version: string; readonly provisional: boolean };
  };
  readonly formula: 'monthlyRateMci × MCI × 12 months';
  readonly legalBasis: string;
}

export type SubsidyCalculation = RelocationSubsidyCalculation | RentSubsidyCalculation;

/** Multiplies whole numbers into whole tenge; throws if the product is not an exact safe integer. */
export function exactTenge(...factors: readonly number[]): Tenge {
  return tenge(factors.reduce((product, factor) => product * factor, 1));
}
