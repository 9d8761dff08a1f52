import { WorkingDayCalendar } from '@domain/calendar';
import { daysOfYear } from '@domain/calendar/iso-date';
import type { AmendmentBasis, CalendarYearAmended } from '@domain/law';
import type { TableOn } from '@libs/workflow';
import { HttpProblem, problem } from '../http/problem';

/** What an amendment says of itself, as the reference answers show it. */
export function basisOf(amendment: AmendmentBasis & { version: string }) {
  const { version, legalBasis, takesEffectOn, reason, recordedAt } = amendment;
  return { version, legalBasis, takesEffectOn, ...(reason === undefined ? {} : { reason }), recordedAt };
}

/** A table on a date: the amendment in force, the history up to then, the revision to send back as If-Match. */
export function tableView<T extends AmendmentBasis & { version: string }>(
  name: string,
  table: TableOn<T>,
  revision: number,
  at: string | undefined,
  current: (amendment: T) => object,
  change: (amendment: T) => object = () => ({}),
) {
  if (!table.inForce)
    throw new HttpProblem(
      problem(404, 'LAW.NOT_IN_FORCE', 'Not in force', `No ${name} is recorded in force${at ? ` on ${at}` : ''}`),
    );
  return {
    at: at ?? null,
    revision,
    inForce: { ...basisOf(table.inForce), ...current(table.inForce) },
    history: table.history.map((amendment) => ({ ...basisOf(amendment), ...change(amendment) })),
  };
}

/** A year as in force: its days off with their reasons (weekends left out), worked weekend days, the count. */
export function calendarYearView(amendment: CalendarYearAmended['data']) {
  const calendar = WorkingDayCalendar.fromYears([amendment.calendar]);
  const daysOff = daysOfYear(amendment.year).flatMap((date) => {
    const reason = calendar.nonWorkingReason(date);
    return reason === null || reason === 'weekend' ? [] : [{ date, reason }];
  });
  return {
    year: amendment.year,
    provisional: amendment.calendar.provisional === true,
    workingDays: amendment.workingDays,
    daysOff,
    workedWeekendDays: amendment.calendar.transfers.map((t) => t.workingDay),
    sources: amendment.calendar.sources,
  };
}
