import { DateTime } from 'luxon';
import { instantMillis, isInstant, zonedDateTimeOf } from '../shared/calendar-date';
import { CalendarError, CalendarErrorCode } from './calendar-errors';
import { yearOf, type IsoDate } from './iso-date';
import { minutesOfDay, validateSlaPolicy, type SlaPolicy } from './sla-policy';
import type { WorkingDayCalendar } from './working-day-calendar';

/** The review clock of one application, computed once at signing and recorded as is. */
export interface ReviewDeadline {
  /** The signing instant, normalised to UTC ISO. */
  readonly signedAt: string;
  readonly acceptedOn: IsoDate;
  /** Signed outside working hours or on a non-working day, so accepted on the next working day. */
  readonly acceptedLate: boolean;
  readonly dueOn: IsoDate;
  /** End of working hours on `dueOn` in the policy's zone, as a UTC ISO instant. */
  readonly dueAt: string;
  readonly atRiskOn: IsoDate;
  readonly atRiskAt: string;
  readonly calendarVersion: string;
  /** True when a year of the calendar between signing and due day is provisional. */
  readonly calendarProvisional: boolean;
  readonly policy: SlaPolicy;
}

/**
 * When the review of an application signed at `signedAt` is due (FACTS, "the SLA clock"):
 * - an application received after working hours, on a weekend or a holiday is accepted on the
 *   next working day; otherwise on the day it is signed;
 * - it is due on the 14th working day after the acceptance day, which is not counted.
 * Pure: the time comes in as `signedAt`, the days off with `calendar`.
 */
export function reviewDeadline(signedAt: string, calendar: WorkingDayCalendar, policy: SlaPolicy): ReviewDeadline {
  const policyKey = validatedPolicyKey(policy);
  const millis = parseInstant(signedAt);
  const local = zonedDateTimeOf(signedAt, policy.zone);
  const signedOn = local.date;

  const { acceptedOn, acceptedLate } = acceptanceOf(local, calendar, policy);
  const { dueOn, dueAt, atRiskOn, atRiskAt } = dueDaysOf(acceptedOn, calendar, policy, policyKey);

  return {
    signedAt: new Date(millis).toISOString(),
    acceptedOn,
    acceptedLate,
    dueOn,
    dueAt,
    atRiskOn,
    atRiskAt,
    calendarVersion: calendar.version,
    calendarProvisional: calendar.provisionalYears.some((year) => year >= yearOf(signedOn) && year <= yearOf(dueOn)),
    policy: { ...policy },
  };
}

interface DueDays {
  readonly dueOn: IsoDate;
  readonly dueAt: string;
  readonly atRiskOn: IsoDate;
  readonly atRiskAt: string;
}

/**
 * The due and at-risk days follow from the acceptance day alone, and every application accepted the
 * same day shares them: they are remembered per calendar and policy, as walking the calendar and
 * converting zones with luxon cost most of a signing (docs/benchmarks.md). Bounded; a calendar is an
 * immutable value, so what is remembered never goes stale.
 */
const dueDaysByCalendar = new WeakMap<WorkingDayCalendar, Map<string, DueDays>>();
const MAX_REMEMBERED_DAYS = 4_096;

function dueDaysOf(acceptedOn: IsoDate, calendar: WorkingDayCalendar, policy: SlaPolicy, policyKey: string): DueDays {
  let remembered = dueDaysByCalendar.get(calendar);
  if (!remembered) dueDaysByCalendar.set(calendar, (remembered = new Map<string, DueDays>()));
  const key = `${policyKey}|${acceptedOn}`;
  const known = remembered.get(key);
  if (known) return known;
  const dueOn = calendar.addWorkingDays(acceptedOn, policy.reviewWorkingDays);
  const atRiskOn = calendar.subtractWorkingDays(dueOn, policy.atRiskWorkingDaysBeforeDue);
  const days: DueDays = {
    dueOn,
    dueAt: endOfWorkingHours(dueOn, policy),
    atRiskOn,
    atRiskAt: endOfWorkingHours(atRiskOn, policy),
  };
  if (remembered.size >= MAX_REMEMBERED_DAYS) remembered.clear();
  remembered.set(key, days);
  return days;
}

/** Policies already found valid, by content: validating looks the zone up in ICU every time. */
const validPolicies = new Set<string>();

function validatedPolicyKey(policy: SlaPolicy): string {
  const key = JSON.stringify([
    policy.zone,
    policy.workdayStart,
    policy.workdayEnd,
    policy.reviewWorkingDays,
    policy.atRiskWorkingDaysBeforeDue,
  ]);
  if (validPolicies.has(key)) return key;
  validateSlaPolicy(policy);
  if (validPolicies.size >= MAX_REMEMBERED_DAYS) validPolicies.clear();
  validPolicies.add(key);
  return key;
}

/** Milliseconds since the epoch. */
function parseInstant(signedAt: string): number {
  // An instant must say its offset (`Z` or `±hh:mm`): a bare local time would depend on the server.
  if (!isInstant(signedAt)) {
    const reason = `not an ISO instant with an offset: ${JSON.stringify(signedAt)}`;
    throw new CalendarError(CalendarErrorCode.InvalidInput, `signedAt: ${reason}`, [{ field: 'signedAt', reason }]);
  }
  return instantMillis(signedAt);
}

/**
 * The day something arriving at `local` is taken in: that day when it is a working day and the
 * instant is within working hours, otherwise the next working day (FACTS, "the SLA clock").
 */
export function acceptanceOf(
  local: { readonly date: IsoDate; readonly msOfDay: number },
  calendar: WorkingDayCalendar,
  policy: SlaPolicy,
): { readonly acceptedOn: IsoDate; readonly acceptedLate: boolean } {
  const inTime = calendar.isWorkingDay(local.date) && isWithinWorkingHours(local.msOfDay, policy);
  return { acceptedOn: inTime ? local.date : calendar.nextWorkingDay(local.date), acceptedLate: !inTime };
}

/** [workdayStart, workdayEnd): 18:29:59.999 is inside, 18:30:00.000 is not. */
function isWithinWorkingHours(msOfDay: number, policy: SlaPolicy): boolean {
  const start = (minutesOfDay(policy.workdayStart) ?? 0) * 60_000;
  const end = (minutesOfDay(policy.workdayEnd) ?? 0) * 60_000;
  return msOfDay >= start && msOfDay < end;
}

/** The end of working hours on `date` in the policy's zone, as a UTC ISO instant. */
export function endOfWorkingHours(date: IsoDate, policy: SlaPolicy): string {
  return DateTime.fromISO(`${date}T${policy.workdayEnd}`, { zone: policy.zone }).toUTC().toISO() as string;
}
