import type { CalendarYearData } from '../calendar/calendar-year';
import type { IsoDate } from '../calendar/iso-date';
import type { SlaPolicy } from '../calendar/sla-policy';
import { FIRST_VERSION, type EventSchema } from '../shared/event-schema';
import type { DomainEvent } from '../shared/decider';
import type { RentRateTable } from '../subsidy/rent-rates';
import type { AmendmentBasis } from './amendment';
import type { LawRefusalGround } from './refusal-grounds.decider';

/**
 * The law in force as facts. Every event states the WHOLE table (or year) as amended, so the table
 * at any revision is its last event — no fold over partial edits is needed to read it — plus what
 * changed, for the auditor and for the processes that carry applications along.
 */

/** A year of the working-day calendar as amended. `version` is `<year>.<n>`, n its stream revision + 1. */
export type CalendarYearAmended = DomainEvent<
  'CalendarYearAmended',
  AmendmentBasis & {
    readonly year: number;
    readonly version: string;
    readonly calendar: CalendarYearData;
    /** Days that became non-working, and days that became working, by this amendment. */
    readonly daysOffAdded: readonly IsoDate[];
    readonly daysOffRemoved: readonly IsoDate[];
    /** The year's working days after the amendment (FACTS: 2026 — 247). */
    readonly workingDays: number;
  }
>;

/** An MCI value from a date on; several a year are allowed (2020: 1 April; 2022: 1 June). */
export interface MciRowAmended {
  readonly validFrom: IsoDate;
  readonly value: number;
}

export type MciAmended = DomainEvent<
  'MciAmended',
  AmendmentBasis & {
    readonly version: string;
    /** The whole table after the amendment, ordered by `validFrom`. */
    readonly table: readonly MciRowAmended[];
    readonly rowsAdded: readonly MciRowAmended[];
    readonly rowsChanged: readonly { readonly validFrom: IsoDate; readonly from: number; readonly to: number }[];
  }
>;

export type RentRatesAmended = DomainEvent<
  'RentRatesAmended',
  AmendmentBasis & { readonly version: string; readonly rates: RentRateTable }
>;

export type RefusalGroundsAmended = DomainEvent<
  'RefusalGroundsAmended',
  AmendmentBasis & { readonly version: string; readonly grounds: readonly LawRefusalGround[] }
>;

export type SlaPolicyAmended = DomainEvent<
  'SlaPolicyAmended',
  AmendmentBasis & { readonly version: string; readonly policy: SlaPolicy }
>;

export type LawEvent = CalendarYearAmended | MciAmended | RentRatesAmended | RefusalGroundsAmended | SlaPolicyAmended;

/** The stored schema of every law event type; exhaustive by its mapped type. */
export const LAW_EVENT_SCHEMAS: { readonly [T in LawEvent['type']]: EventSchema } = {
  CalendarYearAmended: FIRST_VERSION,
  MciAmended: FIRST_VERSION,
  RentRatesAmended: FIRST_VERSION,
  RefusalGroundsAmended: FIRST_VERSION,
  SlaPolicyAmended: FIRST_VERSION,
};
