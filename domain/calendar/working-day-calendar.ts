import { CalendarError, CalendarErrorCode } from './calendar-errors';
import type { CalendarYearData } from './calendar-year';
import { assertIsoDate, plusDays, yearOf, type IsoDate } from './iso-date';
import { validateCalendarYear } from './validate-calendar-year';
import type { NonWorkingReason, YearDays } from './year-days';

/**
 * Kazakhstan's working days on a five-day week, for the years it has data for. A question about a
 * day of any other year throws CALENDAR.YEAR_NOT_AVAILABLE: never a guess.
 */
export class WorkingDayCalendar {
  /** Combined version of the years it was built from, e.g. `2025.1+2026.1`. */
  readonly version: string;
  readonly years: readonly number[];
  /** Years whose data is flagged provisional: dates computed from them may change. */
  readonly provisionalYears: readonly number[];

  private constructor(private readonly byYear: ReadonlyMap<number, YearDays>) {
    const ordered = [...byYear.values()].map((days) => days.data).sort((a, b) => a.year - b.year);
    this.years = ordered.map((d) => d.year);
    this.version = ordered.map((d) => d.version).join('+');
    this.provisionalYears = ordered.filter((d) => d.provisional === true).map((d) => d.year);
  }

  /** Validates every year (CALENDAR.DATA_INVALID when a year contradicts itself). */
  static fromYears(years: readonly CalendarYearData[]): WorkingDayCalendar {
    const byYear = new Map<number, YearDays>();
    for (const data of years) {
      if (byYear.has(data.year))
        throw new CalendarError(CalendarErrorCode.DataInvalid, `Calendar data for ${data.year} is invalid`, [
          { field: 'year', reason: 'given twice' },
        ]);
      byYear.set(data.year, validateCalendarYear(data));
    }
    return new WorkingDayCalendar(byYear);
  }

  /** The version of one year's data (`2026.2`), or undefined when the calendar lacks that year. */
  versionOf(year: number): string | undefined {
    return this.byYear.get(year)?.data.version;
  }

  /** This calendar with one year's data replaced or added: an amendment of that year applied. */
  withYear(data: CalendarYearData): WorkingDayCalendar {
    const others = [...this.byYear.values()].map((days) => days.data).filter((d) => d.year !== data.year);
    return WorkingDayCalendar.fromYears([...others, data]);
  }

  get provisional(): boolean {
    return this.provisionalYears.length > 0;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.yearDaysOf(date).isWorkingDay(date);
  }

  /** `null` on a working day. */
  nonWorkingReason(date: IsoDate): NonWorkingReason | null {
    return this.yearDaysOf(date).nonWorkingReason(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** The n-th working day after `date`; `date` itself is never counted, working day or not. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    return this.walkWorkingDays(date, n, +1);
  }

  /** The n-th working day before `date`; `date` itself is never counted. */
  subtractWorkingDays(date: IsoDate, n: number): IsoDate {
    return this.walkWorkingDays(date, n, -1);
  }

  /**
   * How many working days come after `from` up to and including `to` (`from` itself never counted):
   * 0 when `to` is not after `from`. The days left until a due day, or the days a due day is past.
   */
  workingDaysAfter(from: IsoDate, to: IsoDate): number {
    assertIsoDate(from, 'from');
    assertIsoDate(to, 'to');
    let counted = 0;
    for (let day = plusDays(from, 1); day <= to; day = plusDays(day, 1)) if (this.isWorkingDay(day)) counted += 1;
    return counted;
  }

  workingDaysIn(year: number): number {
    const days = this.byYear.get(year);
    if (!days) throw new CalendarError(CalendarErrorCode.YearNotAvailable, `No working-day calendar data for ${year}`);
    return days.countWorkingDays();
  }

  private walkWorkingDays(date: IsoDate, n: number, step: 1 | -1): IsoDate {
    assertIsoDate(date);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new CalendarError(CalendarErrorCode.InvalidInput, `n: must be a whole number ≥ 1, got ${n}`, [
        { field: 'n', reason: `must be a whole number ≥ 1, got ${n}` },
      ]);
    let day = date;
    for (let counted = 0; counted < n;) {
      day = plusDays(day, step);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return day;
  }

  private yearDaysOf(date: IsoDate): YearDays {
    const year = yearOf(date);
    const days = this.byYear.get(year);
    if (!days) throw new CalendarError(CalendarErrorCode.YearNotAvailable, `No working-day calendar data for ${year}`);
    return days;
  }
}
