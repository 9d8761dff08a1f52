import type { CalendarYearData } from '../calendar/calendar-year';
import type { IsoDate } from '../calendar/iso-date';
import type { SlaPolicy } from '../calendar/sla-policy';
import type { RentRateTable } from '../subsidy/rent-rates';
import { LawError, LawErrorCode } from './errors';
import type { AmendmentBasis } from './amendment';
import type {
  CalendarYearAmended,
  LawEvent,
  MciAmended,
  MciRowAmended,
  RefusalGroundsAmended,
  RentRatesAmended,
  SlaPolicyAmended,
} from './events';

/** Every amendment of every table, in the order each table's stream recorded them. */
export interface LawHistory {
  readonly calendarYears: ReadonlyMap<number, readonly CalendarYearAmended['data'][]>;
  readonly mci: readonly MciAmended['data'][];
  readonly rentRates: readonly RentRatesAmended['data'][];
  readonly refusalGrounds: readonly RefusalGroundsAmended['data'][];
  readonly slaPolicy: readonly SlaPolicyAmended['data'][];
}

export const EMPTY_LAW_HISTORY: LawHistory = {
  calendarYears: new Map(),
  mci: [],
  rentRates: [],
  refusalGrounds: [],
  slaPolicy: [],
};

/** The history with one more amendment (each event states its whole table, so it is appended as is). */
export function withAmendment(history: LawHistory, event: LawEvent): LawHistory {
  switch (event.type) {
    case 'CalendarYearAmended': {
      const years = new Map(history.calendarYears);
      years.set(event.data.year, [...(years.get(event.data.year) ?? []), event.data]);
      return { ...history, calendarYears: years };
    }
    case 'MciAmended':
      return { ...history, mci: [...history.mci, event.data] };
    case 'RentRatesAmended':
      return { ...history, rentRates: [...history.rentRates, event.data] };
    case 'RefusalGroundsAmended':
      return { ...history, refusalGrounds: [...history.refusalGrounds, event.data] };
    case 'SlaPolicyAmended':
      return { ...history, slaPolicy: [...history.slaPolicy, event.data] };
  }
}

/**
 * The amendment in force on a date: the last one RECORDED among those that take effect on or before
 * it. A retroactive correction (recorded later, effective earlier) restates the whole table, so from
 * its effective date on it is what applies; with no date, the latest recorded amendment (`current`).
 */
export function inForceOn<T extends AmendmentBasis>(amendments: readonly T[], date?: IsoDate): T | undefined {
  if (date === undefined) return amendments.at(-1);
  return amendments.filter((a) => a.takesEffectOn <= date).at(-1);
}

/** The amendments that had taken effect by a date (the history a reference answer shows). */
export function amendmentsBy<T extends AmendmentBasis>(amendments: readonly T[], date?: IsoDate): readonly T[] {
  return date === undefined ? amendments : amendments.filter((a) => a.takesEffectOn <= date);
}

/** What the workflow decides with, as in force on a date (or now): the tables, each from its latest amendment. */
export interface TablesInForce {
  readonly calendarYears: readonly CalendarYearData[];
  readonly slaPolicy: SlaPolicy;
  /** Empty while no MCI is recorded: every date then lacks one (SUBSIDY.MCI_NOT_AVAILABLE). */
  readonly mciTable: readonly MciRowAmended[];
  readonly rentRates: RentRateTable;
}

/**
 * The tables in force. A year with no calendar stays absent (its dates fail loudly); a table the
 * workflow cannot decide without — the SLA policy, the rent rates — throws LAW.TABLE_NOT_RECORDED,
 * never falls back on compiled defaults.
 */
export function tablesInForce(history: LawHistory, date?: IsoDate): TablesInForce {
  const calendarYears = [...history.calendarYears.values()]
    .map((amendments) => inForceOn(amendments, date)?.calendar)
    .filter((calendar) => calendar !== undefined);
  const sla = inForceOn(history.slaPolicy, date);
  const rent = inForceOn(history.rentRates, date);
  if (!sla) throw notRecorded('SLA policy', date);
  if (!rent) throw notRecorded('rent-rate table', date);
  return {
    calendarYears,
    slaPolicy: sla.policy,
    mciTable: inForceOn(history.mci, date)?.table ?? [],
    rentRates: rent.rates,
  };
}

function notRecorded(table: string, date: IsoDate | undefined): LawError {
  return new LawError(
    LawErrorCode.TableNotRecorded,
    `No ${table} is recorded${date ? ` in force on ${date}` : ''}: the initial amendments of the law were not recorded`,
  );
}
