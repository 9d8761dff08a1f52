import { IANAZone } from 'luxon';
import { ViolationCollector } from '../shared/errors';
import { CalendarError, CalendarErrorCode } from './calendar-errors';

/**
 * How the review clock is set. Every part is configurable: the provider's working hours come from
 * a low-confidence source (FACTS, "Receiving the application: the SLA clock").
 */
export interface SlaPolicy {
  /** IANA zone, never a fixed offset: Kazakhstan moved from UTC+6 to UTC+5 on 1 March 2024. */
  zone: string;
  /** Local `HH:mm`: an application signed from this time on is accepted the same working day. */
  workdayStart: string;
  /** Local `HH:mm`, exclusive: signed at this time or later, it is accepted the next working day. */
  workdayEnd: string;
  /** Working days to decide, the day of acceptance not counted (FACTS: 14). */
  reviewWorkingDays: number;
  /** How many working days before the due day the application is flagged at risk. */
  atRiskWorkingDaysBeforeDue: number;
}

/**
 * Monday to Friday 09:00–18:30 in Almaty. The 13:00–14:30 lunch break is ignored: an application
 * arriving electronically at lunch is still received within working hours.
 */
export const DEFAULT_SLA_POLICY: Readonly<SlaPolicy> = Object.freeze({
  zone: 'Asia/Almaty',
  workdayStart: '09:00',
  workdayEnd: '18:30',
  reviewWorkingDays: 14,
  atRiskWorkingDaysBeforeDue: 3,
});

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of an `HH:mm` time, or undefined when it is not one. */
export function minutesOfDay(time: string): number | undefined {
  const match = HH_MM.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Throws CALENDAR.SLA_POLICY_INVALID listing every fault found. */
export function validateSlaPolicy(policy: SlaPolicy): void {
  const found = new ViolationCollector();
  const fixedOffset = /^(UTC|GMT)?\s*[+-]\d/i.test(policy.zone);
  found.check(
    !fixedOffset && IANAZone.isValidZone(policy.zone),
    'zone',
    `not an IANA time zone: ${JSON.stringify(policy.zone)}`,
  );
  const start = minutesOfDay(policy.workdayStart);
  const end = minutesOfDay(policy.workdayEnd);
  found.check(start !== undefined, 'workdayStart', 'must be a local time HH:mm');
  found.check(end !== undefined, 'workdayEnd', 'must be a local time HH:mm');
  if (start !== undefined && end !== undefined) found.check(start < end, 'workdayEnd', 'must be after workdayStart');
  const review = policy.reviewWorkingDays;
  const atRisk = policy.atRiskWorkingDaysBeforeDue;
  found.check(Number.isSafeInteger(review) && review >= 1, 'reviewWorkingDays', 'must be a whole number ≥ 1');
  found.check(Number.isSafeInteger(atRisk) && atRisk >= 1, 'atRiskWorkingDaysBeforeDue', 'must be a whole number ≥ 1');
  found.check(!(atRisk >= review), 'atRiskWorkingDaysBeforeDue', 'must be fewer than reviewWorkingDays');
  found.throwIfAny((v) => new CalendarError(CalendarErrorCode.SlaPolicyInvalid, 'SLA policy is invalid', v));
}
