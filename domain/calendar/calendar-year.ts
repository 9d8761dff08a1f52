import type { IsoDate } from './iso-date';

/** A public holiday of Law «О праздниках» art. 5: a non-working day, moved off a weekend. */
export interface PublicHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

/**
 * A non-working day that is NOT moved when it falls on a weekend (Labour Code art. 84 p.5):
 * Orthodox Christmas (7 January) and the first day of Kurban Ait (date set yearly).
 */
export interface NonMovingDayOff {
  readonly date: IsoDate;
  readonly name: string;
}

/** A holiday on a Saturday or Sunday gives a day off on the next working day (Law art. 5). */
export interface MovedDayOff {
  /** The holiday's own date (a Saturday or Sunday). */
  readonly from: IsoDate;
  /** The working day that becomes a day off instead. */
  readonly to: IsoDate;
  readonly holiday: string;
}

/**
 * A ministerial order moving a day off: `workingDay` (a weekend day) is worked, `dayOff` (a
 * weekday) is not. Set by order each year, so it is data only: no rule derives it.
 */
export interface TransferredDayOff {
  readonly workingDay: IsoDate;
  readonly dayOff: IsoDate;
  readonly source: string;
}

/** Everything that makes one year's working-day calendar, with where it comes from. */
export interface CalendarYearData {
  readonly year: number;
  /** Changes whenever the data changes: recorded with every deadline computed from it. */
  readonly version: string;
  /** True while some part is not yet published (e.g. Kurban Ait date): usable, but flagged. */
  readonly provisional?: boolean;
  readonly sources: readonly string[];
  readonly publicHolidays: readonly PublicHoliday[];
  readonly nonMovingDaysOff: readonly NonMovingDayOff[];
  /** Listed explicitly, and checked against the weekend rule when a calendar is built. */
  readonly movedDaysOff: readonly MovedDayOff[];
  readonly transfers: readonly TransferredDayOff[];
  /** Working days on a five-day week: the computed count must equal it. */
  readonly expectedWorkingDays: number;
}
