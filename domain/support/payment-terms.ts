import { ViolationCollector, type Violation } from '../shared/errors';

/** Why a support stops (ADR 33): the inclusion revoked, the family left the region, or renounced it. */
export type StopReason = 'inclusion-revoked' | 'departed' | 'renounced';

export const STOP_REASONS: readonly StopReason[] = ['inclusion-revoked', 'departed', 'renounced'];

/**
 * Which paid amounts a stop lists for recovery: all of them, those due after the day the stop takes
 * effect (months not lived in the region), or none.
 */
export type RecoveryScope = 'all-paid' | 'paid-after-stop' | 'none';

/**
 * How support is paid after arrival (FACTS, "How support is paid": after arrival and inclusion;
 * relocation once; rent monthly for 12 months, each month's amount with the MCI in force then —
 * "confirm; keep it data"). What the law as read leaves open is here, versioned, never guessed in code.
 */
export interface PaymentTerms {
  readonly version: string;
  /** True until an administrator confirms the values against the rules in force. */
  readonly provisional: boolean;
  readonly legalBasis: string;
  /** The day of the month a rent instalment falls due (1–28), moved to the next working day when off. */
  readonly rentDueDay: number;
  /** The first rent instalment's month, counted from the month of arrival (0: that month, 1: the next). */
  readonly firstRentMonthAfterArrival: number;
  /** How many rent instalments: 12 (order No. 234). */
  readonly rentInstalments: number;
  /** How long an included family may take to arrive, in days after the decision; null: no limit. */
  readonly arrivalWithinDays: number | null;
  /** How many times a returned payment is re-issued after the details are corrected. */
  readonly reissueLimit: number;
  /** What a stop lists for recovery, by reason; listed only — claiming it back is an officer's act. */
  readonly recovery: { readonly [R in StopReason]: RecoveryScope };
}

/**
 * Version 1, PROVISIONAL (no clause read gives these figures): the 10th of each month from the month
 * after arrival, twelve times; no limit on arrival; a returned payment re-issued once; a revoked
 * inclusion lists everything paid, a departure what fell due after it, a renunciation nothing.
 */
export const PAYMENT_TERMS_V1: PaymentTerms = {
  version: '1',
  provisional: true,
  legalBasis:
    'Order No. 234 of 22.06.2023 (amended 2025): support paid after arrival and inclusion — relocation once, ' +
    'rent and utilities monthly for 12 months; the due day, the first month, the arrival limit, the re-issue ' +
    'limit and the recovery are not in the text as read (provisional data)',
  rentDueDay: 10,
  firstRentMonthAfterArrival: 1,
  rentInstalments: 12,
  arrivalWithinDays: null,
  reissueLimit: 1,
  recovery: { 'inclusion-revoked': 'all-paid', departed: 'paid-after-stop', renounced: 'none' },
};

/** What is wrong with a set of terms, field by field (empty when usable). */
export function paymentTermsProblems(terms: PaymentTerms): readonly Violation[] {
  const found = new ViolationCollector();
  const wholeIn = (value: number | null, min: number, max: number) =>
    value !== null && Number.isInteger(value) && value >= min && value <= max;
  found.check(typeof terms.version === 'string' && terms.version.length > 0, 'version', 'must be named');
  found.check(wholeIn(terms.rentDueDay, 1, 28), 'rentDueDay', 'must be a day 1–28 (every month has it)');
  found.check(wholeIn(terms.firstRentMonthAfterArrival, 0, 1), 'firstRentMonthAfterArrival', 'must be 0 or 1');
  found.check(wholeIn(terms.rentInstalments, 1, 12), 'rentInstalments', 'must be 1–12');
  found.check(
    terms.arrivalWithinDays === null || wholeIn(terms.arrivalWithinDays, 1, 3650),
    'arrivalWithinDays',
    'must be null (no limit) or 1–3650 days',
  );
  found.check(wholeIn(terms.reissueLimit, 0, 3), 'reissueLimit', 'must be 0–3');
  for (const reason of STOP_REASONS)
    found.check(
      ['all-paid', 'paid-after-stop', 'none'].includes(terms.recovery?.[reason]),
      `recovery.${reason}`,
      "must be 'all-paid', 'paid-after-stop' or 'none'",
    );
  return found.violations;
}
