import { KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar, type CalendarYearData } from '@domain/calendar';
import type { Timeliness } from '@domain/application';
import { instantMillis, localDateOf } from '@domain/shared/calendar-date';
import type { MciInForce } from '@domain/subsidy';
import type { LawReading } from './grounds-lists';

/**
 * How many working days after its due day a late decision came (0 when it came later on the due day
 * itself), counted on the calendar the deadline was computed under: each year of its recorded version
 * (`2026.1+2027.1`) as recorded in the law, and any later year the decision reached as in force now.
 * Null when on time, or when a year it spans has no calendar data (never a guess).
 */
export function workingDaysLate(
  decision: Timeliness & { readonly decidedAt: string },
  calendarVersion: string | null,
  law: LawReading,
): number | null {
  if (!decision.late || decision.dueAt === null) return null;
  if (instantMillis(decision.decidedAt) <= instantMillis(decision.dueAt)) return null;
  const dueDay = localDateOf(decision.dueAt);
  const decisionDay = localDateOf(decision.decidedAt);
  try {
    return WorkingDayCalendar.fromYears(calendarYears(calendarVersion, law)).workingDaysAfter(dueDay, decisionDay);
  } catch {
    return null;
  }
}

/** Each year's data: the version named, else the latest recorded, else the compiled data of that version or year. */
function calendarYears(calendarVersion: string | null, law: LawReading): CalendarYearData[] {
  const named = new Set((calendarVersion ?? '').split('+').filter((part) => part !== ''));
  const recorded = law.recorded().calendarYears;
  const years = new Set([...recorded.keys(), ...KAZAKHSTAN_CALENDAR_YEARS.map((data) => data.year)]);
  return [...years].flatMap((year) => {
    const amendments = (recorded.get(year) ?? []).map((amendment) => amendment.calendar);
    const compiled = KAZAKHSTAN_CALENDAR_YEARS.filter((data) => data.year === year);
    const data =
      [...amendments, ...compiled].find((candidate) => named.has(candidate.version)) ??
      amendments.at(-1) ??
      compiled.at(-1);
    return data ? [data] : [];
  });
}

/**
 * The version of the MCI table amendment a subsidy's MCI came from: the last one recorded by the time
 * of the grant that holds that row. The subsidy records the MCI's value, year and first day, not the
 * table's version; null when no recorded amendment holds it (a store that recorded no law).
 */
export function mciTableVersionOf(mci: MciInForce, grantedAt: string, law: LawReading): string | null {
  const granted = instantMillis(grantedAt);
  const holding = law
    .recorded()
    .mci.filter((amendment) => instantMillis(amendment.recordedAt) <= granted)
    .filter((amendment) => amendment.table.some((row) => row.validFrom === mci.validFrom && row.value === mci.value));
  return holding.at(-1)?.version ?? null;
}
