import { CalendarError, CalendarErrorCode } from '../calendar/calendar-errors';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { instantMillis, zonedDateTimeOf, type CalendarDate, type Instant } from '../shared/calendar-date';

/**
 * Where an application stands against its review deadline at one moment:
 * - `not-started`: not signed yet, so no clock runs (FACTS: the clock starts at acceptance);
 * - `on-time`, `at-risk`, `breached`: the clock runs (signed, undecided, not withdrawn);
 * - `decided-on-time`, `decided-late`: the decision stopped it, and said whether it was in time;
 * - `withdrawn`: the applicant stopped it.
 */
export const SLA_CLOCK_STATES = [
  'not-started',
  'on-time',
  'at-risk',
  'breached',
  'decided-on-time',
  'decided-late',
  'withdrawn',
] as const;

export type SlaClockState = (typeof SLA_CLOCK_STATES)[number];

export interface SlaClock {
  readonly state: SlaClockState;
  /**
   * While the clock runs: the working days after today (in the policy's zone) up to and including the
   * due day — 14 on the day of acceptance, 0 on the due day itself — and, once the due day is past,
   * minus the working days since it. Null when no clock runs, or when the calendar has no data for a
   * year between today and the due day (never a guess).
   */
  readonly workingDaysLeft: number | null;
}

/** What the read side knows of an application's deadline and outcome. */
export interface SlaFacts {
  readonly dueOn: CalendarDate | null;
  readonly dueAt: Instant | null;
  readonly atRiskAt: Instant | null;
  /** The flags the SLA steps recorded (they fire when the scheduler passes the instants). */
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly decision: 'included' | 'refused' | null;
  readonly late: boolean;
  readonly withdrawn: boolean;
}

/**
 * The review clock as of `now`, on the working-day calendar in force. Computed at read time, never
 * stored: it changes with the clock, not with an event. The instants decide the state as soon as they
 * pass, even before the scheduler has recorded the flag (a flag recorded is honoured too).
 */
export function slaClockAt(now: Instant, facts: SlaFacts, calendar: WorkingDayCalendar, zone: string): SlaClock {
  if (facts.decision !== null) return { state: facts.late ? 'decided-late' : 'decided-on-time', workingDaysLeft: null };
  if (facts.withdrawn) return { state: 'withdrawn', workingDaysLeft: null };
  if (facts.dueOn === null || facts.dueAt === null) return { state: 'not-started', workingDaysLeft: null };
  const at = instantMillis(now);
  const passed = (instant: Instant | null) => instant !== null && at >= instantMillis(instant);
  const state =
    facts.breached || passed(facts.dueAt) ? 'breached' : facts.atRisk || passed(facts.atRiskAt) ? 'at-risk' : 'on-time';
  return { state, workingDaysLeft: workingDaysLeft(zonedDateTimeOf(now, zone).date, facts.dueOn, calendar) };
}

function workingDaysLeft(today: CalendarDate, dueOn: CalendarDate, calendar: WorkingDayCalendar): number | null {
  try {
    return today <= dueOn ? calendar.workingDaysAfter(today, dueOn) : -calendar.workingDaysAfter(dueOn, today);
  } catch (error) {
    if (error instanceof CalendarError && error.code === CalendarErrorCode.YearNotAvailable) return null;
    throw error;
  }
}
