import { REFUSAL_GROUNDS_V1 } from '../application/refusal-grounds';
import type { CalendarYearData } from '../calendar/calendar-year';
import { KAZAKHSTAN_CALENDAR_YEARS } from '../calendar/data';
import { DEFAULT_SLA_POLICY } from '../calendar/sla-policy';
import { MCI_TABLE } from '../subsidy/mci';
import { DEFAULT_RENT_RATES } from '../subsidy/rent-rates';
import type { CalendarYearCommand } from './calendar-year.decider';
import { withDayOff, withoutDayOff } from './calendar-edits';
import type { LegalBasis } from './legal-basis';
import type { SetMci } from './mci.decider';
import type { SetRefusalGrounds } from './refusal-grounds.decider';
import type { SetRentRates } from './rent-rates.decider';
import type { SetSlaPolicy } from './sla-policy.decider';
import { lawStreams } from './law-streams';

export type LawCommand = CalendarYearCommand | SetMci | SetRentRates | SetRefusalGrounds | SetSlaPolicy;
export type Untimed<C> = C extends unknown ? Omit<C, 'at'> : never;

/**
 * One of the initial amendments: the law as this repository's sources give it, recorded on a first
 * start. `key` names it for ever (its command id derives from it); `revision` is where it belongs in
 * its table's stream, so it is recorded only on a stream that is still there (a table an
 * administrator has amended since is left as it is).
 */
export interface InitialAmendment {
  readonly key: string;
  readonly streamId: string;
  readonly revision: number;
  readonly command: Untimed<LawCommand>;
}

const BASELINE_REASON =
  'Initial amendment: the law as the service found it when it began recording it (sources in shared/domain/FACTS.md)';

const LAW_ON_HOLIDAYS: LegalBasis = {
  kind: 'law',
  number: '267-II',
  date: '2001-12-13',
  title:
    "Law of the RK «О праздниках в Республике Казахстан», art. 5; Labour Code art. 84 p.5; the yearly Kurban Ait date and transfer orders (see the year's sources)",
  source: 'https://adilet.zan.kz/rus/docs/Z010000267_',
};

/** FACTS, "Working-day calendar": reported 18.03.2026 by taspanews.kz (the report's own address is not in the sources). */
export const CONSTITUTION_DAY_MOVED: LegalBasis = {
  kind: 'announcement',
  date: '2026-03-18',
  title:
    'Ministry of Labour: Constitution Day is 15 March (the new Constitution, approved by referendum on 15.03.2026, in force from 01.07.2026); 30 August is no longer a holiday from 2026, 15 March is observed from 2027',
  source: 'https://taspanews.kz/',
};

const CONSTITUTION_DAY_REASON =
  'Constitution Day moved from 30 August to 15 March: 31 August 2026 (the day off 30 August moved to) is worked; 2027 gets 15 March off and works 30 August';

const ORDER_20: LegalBasis = {
  kind: 'order',
  number: '20',
  date: '2016-01-15',
  title:
    'Rules of the public service «Включение в региональную квоту приема кандасов и переселенцев» (reg. No. 13334), as amended',
  source: 'https://adilet.zan.kz/rus/docs/V1600013334',
};

const ORDER_234: LegalBasis = {
  kind: 'order',
  number: '234',
  date: '2023-06-22',
  title: 'Правила добровольного переселения лиц для повышения мобильности рабочей силы (reg. No. 32880), as amended',
  source: 'https://adilet.zan.kz/rus/docs/V2300032880',
};

/**
 * The budget law of each year sets its MCI; FACTS gives the values but not the acts' numbers or
 * dates, so the basis names the act without a number and dates it by the day the value took effect
 * (ADR 22). Nothing is recorded for 2027: its budget law is not in the sources.
 */
function mciBasis(validFrom: string, value: number): LegalBasis {
  const year = Number(validFrom.slice(0, 4));
  const midYear = !validFrom.endsWith('-01-01');
  return {
    kind: 'law',
    date: validFrom,
    title: `${midYear ? 'Amendment of the law' : 'Law'} on the republican budget for ${year}–${year + 2}: MCI ${value} ₸ from ${validFrom} (number and date of the act not in the sources; dated by the day it took effect)`,
    source: 'https://adilet.zan.kz/rus',
  };
}

/** 2022 changed mid-year (FACTS: 3,180 ₸ from 1 June 2022); the compiled table lacks that row. */
const MCI_ROWS = [...MCI_TABLE, { validFrom: '2022-06-01', value: 3180 }].sort((a, b) =>
  a.validFrom.localeCompare(b.validFrom),
);

export function initialAmendments(): readonly InitialAmendment[] {
  return [...calendarAmendments(), ...mciAmendments(), ...otherTables()];
}

function calendarAmendments(): InitialAmendment[] {
  const amendments: InitialAmendment[] = [];
  for (const data of KAZAKHSTAN_CALENDAR_YEARS) {
    amendments.push(recordYear(data, 0, `calendar:${data.year}:as-published`, LAW_ON_HOLIDAYS, LAW_ON_HOLIDAYS.date));
    const corrected = constitutionDayCorrection(data);
    if (corrected)
      amendments.push(
        recordYear(
          corrected,
          1,
          `calendar:${data.year}:constitution-day-15-march`,
          CONSTITUTION_DAY_MOVED,
          '2026-03-18',
        ),
      );
  }
  return amendments;
}

/** 2026: 30 August is no longer a holiday (31 August worked). 2027: 15 March off, 30 August worked. */
function constitutionDayCorrection(data: CalendarYearData): CalendarYearData | undefined {
  if (data.year < 2026) return undefined;
  const without = withoutDayOff(data, `${data.year}-08-30`);
  if (data.year === 2026) return without;
  return withDayOff(without, { date: `${data.year}-03-15`, kind: 'holiday', name: 'Constitution Day' });
}

function recordYear(
  calendar: CalendarYearData,
  revision: number,
  key: string,
  legalBasis: LegalBasis,
  takesEffectOn: string,
): InitialAmendment {
  const reason = revision === 0 ? BASELINE_REASON : `${BASELINE_REASON}. ${CONSTITUTION_DAY_REASON}`;
  const sources =
    revision === 0 ? calendar.sources : [...calendar.sources, `${legalBasis.title} (${legalBasis.source})`];
  return {
    key,
    streamId: lawStreams.calendarYear(calendar.year),
    revision,
    command: {
      type: 'RecordCalendarYear',
      year: calendar.year,
      calendar: { ...calendar, sources, expectedWorkingDays: workingDaysOf(calendar, revision) },
      legalBasis,
      takesEffectOn,
      reason,
    },
  };
}

/** The compiled count of the year as published; FACTS gives the corrected ones (2026: 247; 2027: 247). */
function workingDaysOf(calendar: CalendarYearData, revision: number): number {
  if (revision === 0) return calendar.expectedWorkingDays;
  return calendar.year === 2026 ? 247 : calendar.expectedWorkingDays;
}

function mciAmendments(): InitialAmendment[] {
  return MCI_ROWS.map((row, revision) => ({
    key: `mci:${row.validFrom}`,
    streamId: lawStreams.mci(),
    revision,
    command: {
      type: 'SetMci',
      validFrom: row.validFrom,
      value: row.value,
      legalBasis: mciBasis(row.validFrom, row.value),
      takesEffectOn: row.validFrom,
      reason: BASELINE_REASON,
    },
  }));
}

function otherTables(): InitialAmendment[] {
  return [
    {
      key: 'rent-rates:provisional-default',
      streamId: lawStreams.rentRates(),
      revision: 0,
      command: {
        type: 'SetRentRates',
        provisional: DEFAULT_RENT_RATES.provisional,
        rates: DEFAULT_RENT_RATES.rates,
        legalBasis: ORDER_234,
        takesEffectOn: ORDER_234.date,
        reason: `${BASELINE_REASON}. PROVISIONAL rates: what sets the rate inside 15–30 MCI was not found in the legal text`,
      },
    },
    {
      key: 'refusal-grounds:v1',
      streamId: lawStreams.refusalGrounds(),
      revision: 0,
      command: {
        type: 'SetRefusalGrounds',
        grounds: REFUSAL_GROUNDS_V1.grounds,
        legalBasis: ORDER_20,
        takesEffectOn: ORDER_20.date,
        reason: `${BASELINE_REASON}. The exhaustive legal list was not readable: the grounds of FACTS, "Refusal at intake"`,
      },
    },
    {
      key: 'sla-policy:default',
      streamId: lawStreams.slaPolicy(),
      revision: 0,
      command: {
        type: 'SetSlaPolicy',
        policy: { ...DEFAULT_SLA_POLICY },
        legalBasis: ORDER_20,
        takesEffectOn: ORDER_20.date,
        reason: `${BASELINE_REASON}. Working hours from a low-confidence source (FACTS): configurable`,
      },
    },
  ];
}

/** The initial amendments whose act is dated on or before `asOf` (all of them without it). */
export function initialAmendmentsAsOf(asOf?: string): readonly InitialAmendment[] {
  const all = initialAmendments();
  return asOf === undefined ? all : all.filter((a) => a.command.legalBasis.date <= asOf);
}
