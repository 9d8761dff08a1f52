import { ViolationCollector } from '../shared/errors';
import { SubsidyError, SubsidyErrorCode } from './errors';
import { isCalendarDate as isIsoDate, yearOf as yearOfIsoDate } from '../shared/calendar-date';

/** The monthly calculation index (МРП), in tenge, from a date on. Set yearly by the budget law. */
export interface MciRow {
  /** 'yyyy-MM-dd' */
  readonly validFrom: string;
  readonly value: number;
}

/** The MCI that applies on a date, and the row it comes from. */
export interface MciInForce {
  readonly value: number;
  readonly year: number;
  readonly validFrom: string;
}

/** FACTS, "State support after inclusion": MCI 2020–2026. 2020 changed mid-year (from 1 April). */
export const MCI_TABLE: readonly MciRow[] = [
  { validFrom: '2020-01-01', value: 2651 },
  { validFrom: '2020-04-01', value: 2778 },
  { validFrom: '2021-01-01', value: 2917 },
  { validFrom: '2022-01-01', value: 3063 },
  { validFrom: '2023-01-01', value: 3450 },
  { validFrom: '2024-01-01', value: 3692 },
  { validFrom: '2025-01-01', value: 3932 },
  { validFrom: '2026-01-01', value: 4325 },
];

/** Throws SUBSIDY.INVALID_MCI_TABLE unless dates are valid and strictly increasing and values positive integers. */
export function validateMciTable(table: readonly MciRow[]): void {
  const found = new ViolationCollector();
  found.check(table.length > 0, 'table', 'must have at least one row');
  table.forEach((row, i) => {
    found.check(isIsoDate(row.validFrom), `[${i}].validFrom`, "must be a date 'yyyy-MM-dd'");
    found.check(
      Number.isSafeInteger(row.value) && row.value > 0,
      `[${i}].value`,
      'must be a positive whole number of tenge',
    );
    const previous = table[i - 1];
    if (previous !== undefined)
      found.check(previous.validFrom < row.validFrom, `[${i}].validFrom`, 'must be later than the row before');
  });
  found.throwIfAny(
    (violations) => new SubsidyError(SubsidyErrorCode.InvalidMciTable, 'The MCI table is invalid', violations),
  );
}

/**
 * The MCI in force on the decision date applies (FACTS). The row in force must belong to the date's
 * own year: a year with no row (after the table, or a gap) throws SUBSIDY.MCI_NOT_AVAILABLE rather
 * than reuse last year's value; so does a date before the table.
 */
export function mciOn(date: string, table: readonly MciRow[] = MCI_TABLE): MciInForce {
  if (!isIsoDate(date))
    throw new SubsidyError(SubsidyErrorCode.InvalidInput, 'The subsidy calculation input is invalid', [
      { field: 'date', reason: "must be a date 'yyyy-MM-dd'" },
    ]);
  // No table at all (nothing recorded yet) is a missing MCI, like a year with no row.
  if (table.length > 0) validateMciTable(table);
  const row = table.filter((r) => r.validFrom <= date).at(-1);
  const year = yearOfIsoDate(date);
  if (row === undefined || yearOfIsoDate(row.validFrom) !== year)
    throw new SubsidyError(
      SubsidyErrorCode.MciNotAvailable,
      `No MCI is recorded for ${date}: an administrator must add that year's MCI`,
      [],
      // Not a failure of the step: it can run once the MCI of that date is recorded (ADR 23).
      { table: 'mci', key: date },
    );
  return { value: row.value, year, validFrom: row.validFrom };
}
