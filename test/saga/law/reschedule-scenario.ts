import { deadlineUnder, type ScheduledDeadline } from '@domain/application';
import { CALENDAR_2026_AS_PUBLISHED_WITHOUT_31_AUGUST } from './calendar-2026-amended';
import { DEFAULT_SLA_POLICY, WorkingDayCalendar, KAZAKHSTAN_CALENDAR_YEARS } from '@domain/calendar';
import { defaultWorkflowConfig } from '@libs/workflow';
import { AmendableLaw, amendCalendarYear } from '../support/amendable-law';
import { SagaHarness, type HarnessOptions } from '../support/saga-harness';
import { submitAndSign } from '../support/scenario';

/** The working days of August 2026 up to Friday 28 (the last before 31 August), under either calendar. */
const AUGUST_DAYS = [3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28].map(
  (d) => `2026-08-${String(d).padStart(2, '0')}`,
);

/** 30 signing instants across August: 10:00 in Astana every working day, and 13:00 on ten of them. */
export const SIGNINGS: readonly string[] = AUGUST_DAYS.flatMap((day, i) =>
  i % 2 === 0 ? [`${day}T05:00:00.000Z`, `${day}T08:00:00.000Z`] : [`${day}T05:00:00.000Z`],
);

export const OLD_CALENDAR = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
export const NEW_CALENDAR = OLD_CALENDAR.withYear(CALENDAR_2026_AS_PUBLISHED_WITHOUT_31_AUGUST);

export const under = (calendar: WorkingDayCalendar, signedAt: string): ScheduledDeadline =>
  deadlineUnder(signedAt, calendar, DEFAULT_SLA_POLICY);

export interface Signed {
  readonly id: string;
  readonly signedAt: string;
}

/**
 * Signs the 30 applications day by day under the calendar as published, firing whatever falls due
 * on the way (the early ones are at risk and breached before the amendment, as in real life), then
 * records the amendment on Friday 28 August at 19:00 in Astana.
 */
export async function acceptAugustThenAmend(options: HarnessOptions = {}) {
  const law = new AmendableLaw(defaultWorkflowConfig());
  const h = await SagaHarness.start({ ...options, law });
  await h.openQuota('pavlodar', 2026, 'kandas', 977);
  const signed: Signed[] = [];
  const amendedAt = '2026-08-28T14:00:00.000Z';
  const deadlines = SIGNINGS.flatMap((at) => [under(OLD_CALENDAR, at).atRiskAt, under(OLD_CALENDAR, at).dueAt]);
  const timeline = [...new Set([...SIGNINGS, ...deadlines.filter((at) => at < amendedAt)])].sort();
  for (const instant of timeline) {
    await h.advanceTo(instant);
    if (SIGNINGS.includes(instant)) signed.push({ id: await submitAndSign(h), signedAt: instant });
  }
  await h.advanceTo(amendedAt);
  const amendmentId = await amendCalendarYear(h, law, CALENDAR_2026_AS_PUBLISHED_WITHOUT_31_AUGUST, {
    daysOffRemoved: ['2026-08-31'],
  });
  await h.settle();
  return { h, law, signed, amendmentId };
}
