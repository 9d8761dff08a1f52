import type { CalendarYearData } from './calendar-year';
import { daysOfYear, isWeekend, type IsoDate } from './iso-date';

/** Why a day is not worked; a working day has no reason (`null`). */
export type NonWorkingReason =
  | 'weekend'
  | `holiday: ${string}`
  | `non-working day: ${string}`
  | `moved day off: ${string}`
  | `transferred day off: ${string}`;

/**
 * One year's days, classified from its data as given (validate-calendar-year.ts checks the data
 * first). A weekend day is off unless a transfer order makes it a working day.
 */
export class YearDays {
  private readonly daysOff = new Map<IsoDate, NonWorkingReason>();
  private readonly workedWeekendDays: ReadonlySet<IsoDate>;

  constructor(readonly data: CalendarYearData) {
    // First reason wins: a holiday on a Sunday reads as the holiday, not as a moved day.
    for (const h of data.publicHolidays) this.markOff(h.date, `holiday: ${h.name}`);
    for (const d of data.nonMovingDaysOff) this.markOff(d.date, `non-working day: ${d.name}`);
    for (const m of data.movedDaysOff) this.markOff(m.to, `moved day off: ${m.holiday} of ${m.from}`);
    for (const t of data.transfers) this.markOff(t.dayOff, `transferred day off: from ${t.workingDay}`);
    this.workedWeekendDays = new Set(data.transfers.map((t) => t.workingDay));
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.nonWorkingReason(date) === null;
  }

  nonWorkingReason(date: IsoDate): NonWorkingReason | null {
    const dayOff = this.daysOff.get(date);
    if (dayOff) return dayOff;
    return isWeekend(date) && !this.workedWeekendDays.has(date) ? 'weekend' : null;
  }

  countWorkingDays(): number {
    return daysOfYear(this.data.year).filter((date) => this.isWorkingDay(date)).length;
  }

  private markOff(date: IsoDate, reason: NonWorkingReason): void {
    if (!this.daysOff.has(date)) this.daysOff.set(date, reason);
  }
}
