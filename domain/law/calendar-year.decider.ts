import type { CalendarYearData } from '../calendar/calendar-year';
import { daysOfYear, isWeekend, type IsoDate } from '../calendar/iso-date';
import { validateCalendarYear } from '../calendar/validate-calendar-year';
import { isCalendarDate } from '../shared/calendar-date';
import { assertNever, type Decider } from '../shared/decider';
import {
  amendmentBasisOf,
  sameContent,
  tableDecider,
  nothingChanged,
  type AmendmentCommand,
  type TableState,
} from './amendment-command';
import { withDayOff, withoutDayOff, withWorkedDay, type DayOffDeclared } from './calendar-edits';
import { LawError, LawErrorCode } from './errors';
import type { CalendarYearAmended } from './events';

/** The whole year as published (the initial amendments; a year added by an administrator). */
export interface RecordCalendarYear extends AmendmentCommand {
  readonly type: 'RecordCalendarYear';
  readonly year: number;
  readonly calendar: CalendarYearData;
}

export interface DeclareDayOff extends AmendmentCommand, DayOffDeclared {
  readonly type: 'DeclareDayOff';
  readonly year: number;
  /** When given, the year's working days after the change must be this (a published production calendar). */
  readonly expectedWorkingDays?: number;
}

export interface WithdrawDayOff extends AmendmentCommand {
  readonly type: 'WithdrawDayOff';
  readonly year: number;
  readonly date: IsoDate;
  readonly expectedWorkingDays?: number;
}

export interface DeclareWorkedDay extends AmendmentCommand {
  readonly type: 'DeclareWorkedDay';
  readonly year: number;
  readonly date: IsoDate;
  /** For a Saturday or Sunday: the weekday the transfer order gives off instead. */
  readonly dayOff?: IsoDate;
  readonly expectedWorkingDays?: number;
}

/** The year's last unpublished part is now known: it stops being provisional. */
export interface ConfirmCalendarYear extends AmendmentCommand {
  readonly type: 'ConfirmCalendarYear';
  readonly year: number;
  readonly expectedWorkingDays?: number;
}

export type CalendarYearCommand =
  RecordCalendarYear | DeclareDayOff | WithdrawDayOff | DeclareWorkedDay | ConfirmCalendarYear;

export type CalendarYearState = TableState<CalendarYearAmended['data']>;

/** One year's calendar, on its own stream (`law-calendar-<year>`). */
export const calendarYearDecider: Decider<CalendarYearCommand, CalendarYearAmended, CalendarYearState> = tableDecider(
  (command, state) => [amendCalendar(command, state)],
);

function amendCalendar(command: CalendarYearCommand, state: CalendarYearState): CalendarYearAmended {
  const basis = amendmentBasisOf(command);
  checkDatesOfYear(command);
  const before = state.latest?.calendar;
  const edited = edit(command, before);
  const version = `${command.year}.${state.amendments + 1}`;
  // A whole year states its own count; an edit is counted, or checked against the count it gives.
  const expected =
    command.type === 'RecordCalendarYear'
      ? edited.expectedWorkingDays
      : (command.expectedWorkingDays ?? countOf(edited));
  const calendar: CalendarYearData = { ...edited, version, expectedWorkingDays: expected };
  const days = validateCalendarYear(calendar);
  // A year's first amendment adds no day off: the year had no calendar before it.
  const offBefore = before ? nonWorkingDays(before) : undefined;
  const offAfter = nonWorkingDays(calendar);
  const daysOffAdded = offBefore ? [...offAfter].filter((d) => !offBefore.has(d)) : [];
  const daysOffRemoved = offBefore ? [...offBefore].filter((d) => !offAfter.has(d)) : [];
  if (before && sameContent(listedDays(before), listedDays(calendar)))
    throw nothingChanged(`the calendar of ${command.year}`);
  const workingDays = days.countWorkingDays();
  return {
    type: 'CalendarYearAmended',
    data: { ...basis, year: command.year, version, calendar, daysOffAdded, daysOffRemoved, workingDays },
  };
}

function edit(command: CalendarYearCommand, before: CalendarYearData | undefined): CalendarYearData {
  if (command.type === 'RecordCalendarYear') {
    if (command.calendar?.year !== command.year)
      throw new LawError(LawErrorCode.DayInvalid, 'The calendar is of another year', [
        { field: 'calendar.year', reason: `must be ${command.year}` },
      ]);
    return { ...command.calendar, sources: [...command.calendar.sources] };
  }
  if (!before)
    throw new LawError(
      LawErrorCode.YearNotRecorded,
      `No calendar of ${command.year} is recorded: record the whole year first`,
    );
  const cited = { ...before, sources: [...before.sources, citation(command)] };
  switch (command.type) {
    case 'DeclareDayOff':
      return withDayOff(cited, command);
    case 'WithdrawDayOff':
      return withoutDayOff(cited, command.date);
    case 'DeclareWorkedDay':
      return withWorkedDay(cited, command.date, command.dayOff, command.legalBasis.title);
    case 'ConfirmCalendarYear':
      if (before.provisional !== true)
        throw new LawError(LawErrorCode.YearAlreadyConfirmed, `The calendar of ${command.year} is not provisional`);
      return { ...cited, provisional: false };
    default:
      return assertNever(command, 'calendar command');
  }
}

function citation(command: AmendmentCommand): string {
  const { kind, number, date, title, source } = command.legalBasis;
  return `${kind}${number ? ` No. ${number}` : ''} of ${date}: ${title} (${source})`;
}

function checkDatesOfYear(command: CalendarYearCommand): void {
  const fields: [string, unknown][] =
    command.type === 'DeclareDayOff'
      ? [
          ['date', command.date],
          ...(command.workingDay === undefined ? [] : [['workingDay', command.workingDay] as [string, unknown]]),
        ]
      : command.type === 'WithdrawDayOff'
        ? [['date', command.date]]
        : command.type === 'DeclareWorkedDay'
          ? [
              ['date', command.date],
              ...(command.dayOff === undefined ? [] : [['dayOff', command.dayOff] as [string, unknown]]),
            ]
          : [];
  const wrong = fields.filter(([, value]) => !isCalendarDate(value) || !value.startsWith(`${command.year}-`));
  if (wrong.length > 0)
    throw new LawError(
      LawErrorCode.DayInvalid,
      'The calendar change names a day outside its year',
      wrong.map(([field]) => ({ field, reason: `must be a date yyyy-MM-dd of ${command.year}` })),
    );
}

/** What a year's data says, apart from its version, sources and count (which follow from it). */
function listedDays(data: CalendarYearData): unknown {
  const { publicHolidays, nonMovingDaysOff, transfers } = data;
  return { publicHolidays, nonMovingDaysOff, transfers, provisional: data.provisional ?? false };
}

function countOf(data: CalendarYearData): number {
  return daysOfYear(data.year).length - nonWorkingDays(data).size;
}

/** Every day of the year that is not worked (weekends included), by the year's own rules. */
function nonWorkingDays(data: CalendarYearData): Set<IsoDate> {
  const worked = new Set(data.transfers.map((t) => t.workingDay));
  const off = new Set<IsoDate>([
    ...data.publicHolidays.map((h) => h.date),
    ...data.nonMovingDaysOff.map((d) => d.date),
    ...data.movedDaysOff.map((m) => m.to),
    ...data.transfers.map((t) => t.dayOff),
  ]);
  return new Set(daysOfYear(data.year).filter((d) => off.has(d) || (isWeekend(d) && !worked.has(d))));
}
