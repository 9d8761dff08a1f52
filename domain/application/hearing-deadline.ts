import type { SlaPolicy } from '../calendar/sla-policy';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { termFrom, workingDaysBefore } from '../calendar/working-day-term';
import type { ComplaintTerms } from '../law/complaint-terms';
import type { HearingTerms, HearingWay } from '../law/hearing-terms';
import type { Instant } from '../shared/calendar-date';
import type { ComplaintFiled } from './complaint-events';
import type { HearingNoticeDeadline, OfferedHearing } from './hearing-events';
import type { ScheduledDeadline } from './review-deadline';

/** The calendar, the working hours and the terms a hearing or complaint term is counted with. */
export interface TermsLaw<T> {
  readonly calendar: WorkingDayCalendar;
  readonly slaPolicy: SlaPolicy;
  readonly terms: T;
}

/** The notice deadline of a review due as `review`: `noticeWorkingDaysBeforeDue` before its due day. */
export function hearingNoticeDeadlineOf(
  review: Pick<ScheduledDeadline, 'dueOn'>,
  { calendar, slaPolicy, terms }: TermsLaw<HearingTerms>,
): HearingNoticeDeadline {
  const notice = workingDaysBefore(review.dueOn, terms.noticeWorkingDaysBeforeDue, calendar, slaPolicy);
  const atRisk = workingDaysBefore(notice.on, terms.noticeAtRiskWorkingDaysBefore, calendar, slaPolicy);
  return {
    reviewDueOn: review.dueOn,
    noticeDueOn: notice.on,
    noticeDueBy: notice.at,
    atRiskOn: atRisk.on,
    atRiskAt: atRisk.at,
    calendarVersion: calendar.version,
    termsVersion: terms.version,
  };
}

/** The hearing offered with a notice sent at `noticeAt`: held within the terms' working days of it. */
export function offeredHearing(
  noticeAt: Instant,
  { calendar, slaPolicy, terms }: TermsLaw<HearingTerms>,
  way: HearingWay = terms.defaultWay,
  place?: string,
): OfferedHearing {
  const term = termFrom(noticeAt, terms.hearingWithinWorkingDays, calendar, slaPolicy);
  return { way, ...(place ? { place } : {}), heldByOn: term.on, heldBy: term.at };
}

type ComplaintTerm = Pick<
  ComplaintFiled['data'],
  'acceptedOn' | 'considerByOn' | 'considerBy' | 'atRiskOn' | 'atRiskAt' | 'termsVersion' | 'calendarVersion'
>;

/** The provider's term for a complaint filed at `filedAt`, accepted as an application is. */
export function complaintTermOf(
  filedAt: Instant,
  { calendar, slaPolicy, terms }: TermsLaw<ComplaintTerms>,
): ComplaintTerm {
  const term = termFrom(filedAt, terms.providerConsiderationWorkingDays, calendar, slaPolicy);
  const atRisk = workingDaysBefore(term.on, terms.providerAtRiskWorkingDaysBeforeDue, calendar, slaPolicy);
  return {
    acceptedOn: term.startsOn,
    considerByOn: term.on,
    considerBy: term.at,
    atRiskOn: atRisk.on,
    atRiskAt: atRisk.at,
    termsVersion: terms.version,
    calendarVersion: calendar.version,
  };
}
