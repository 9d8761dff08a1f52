import { isCalendarDate } from '../shared/calendar-date';
import { ViolationCollector } from '../shared/errors';
import type { Decider } from '../shared/decider';
import { validateMciTable } from '../subsidy/mci';
import type { IsoDate } from '../calendar/iso-date';
import {
  amendmentBasisOf,
  tableDecider,
  nothingChanged,
  type AmendmentCommand,
  type TableState,
} from './amendment-command';
import { LawError, LawErrorCode } from './errors';
import type { MciAmended, MciRowAmended } from './events';

/**
 * The MCI from a date on: a new row, or a new value of a row (a correction). Several rows a year
 * are allowed (2020: from 1 April; 2022: from 1 June). A year is never filled in by guess: a year
 * with no row stays without one until its budget law is recorded.
 */
export interface SetMci extends AmendmentCommand {
  readonly type: 'SetMci';
  readonly validFrom: IsoDate;
  /** Whole tenge. */
  readonly value: number;
}

export type MciState = TableState<MciAmended['data']>;

export const mciDecider: Decider<SetMci, MciAmended, MciState> = tableDecider((command, state) => [
  setMci(command, state),
]);

function setMci(command: SetMci, state: MciState): MciAmended {
  const basis = amendmentBasisOf(command);
  const found = new ViolationCollector();
  found.check(isCalendarDate(command.validFrom), 'validFrom', 'must be a date yyyy-MM-dd');
  found.check(
    Number.isSafeInteger(command.value) && command.value > 0,
    'value',
    'must be a positive whole number of tenge',
  );
  found.throwIfAny((v) => new LawError(LawErrorCode.MciInvalid, 'The MCI is invalid', v));
  const table: readonly MciRowAmended[] = state.latest?.table ?? [];
  const existing = table.find((row) => row.validFrom === command.validFrom);
  if (existing?.value === command.value) throw nothingChanged(`the MCI from ${command.validFrom}`);
  const row = { validFrom: command.validFrom, value: command.value };
  const next = [...table.filter((r) => r.validFrom !== command.validFrom), row].sort((a, b) =>
    a.validFrom.localeCompare(b.validFrom),
  );
  validateMciTable(next);
  return {
    type: 'MciAmended',
    data: {
      ...basis,
      version: String(state.amendments + 1),
      table: next,
      rowsAdded: existing ? [] : [row],
      rowsChanged: existing ? [{ validFrom: row.validFrom, from: existing.value, to: row.value }] : [],
    },
  };
}
