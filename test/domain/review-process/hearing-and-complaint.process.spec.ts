import {
  react,
  sendToApplication,
  sendToPersons,
  sendToSupport,
  sendToQuota,
  type ProcessContext,
  type WorkflowEvent,
} from '@domain/review-process';
import { processSpecification } from '@libs/testing';
import { DEFAULT_SLA_POLICY, KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import { ApplicationErrorCode } from '@domain/application';
import { HEARING_TERMS_V1 } from '@domain/law';
import { PAYMENT_TERMS_V1 } from '@domain/support';
import { APPLICATION_ID as id, QUOTA } from '../application/fixtures';

const calendar = WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS);
const policy = { calendar, slaPolicy: DEFAULT_SLA_POLICY, subsidyPolicy: {} };
const context: ProcessContext = { policy, now: new Date('2026-03-10T06:00:00.000Z') };
const given = processSpecification((event: WorkflowEvent, ctx: ProcessContext) => react(event, ctx)).given(context);
const CLOSED = { codes: [ApplicationErrorCode.AlreadyDecided, ApplicationErrorCode.Withdrawn] };

/** Due Thu 26 March 2026: Nauryz (23–25 March) and the weekend before it lie between. */
const REVIEW_DEADLINE = {
  acceptedOn: '2026-03-02',
  dueOn: '2026-03-26',
  dueAt: '2026-03-26T13:30:00.000Z',
  atRiskOn: '2026-03-18',
  atRiskAt: '2026-03-18T13:30:00.000Z',
  calendarVersion: calendar.version,
  calendarProvisional: false,
};

/** 3 working days before 26 March: 25, 24, 23 are Nauryz, so Fri 20, Thu 19, Wed 18; at risk 1 working day earlier. */
const NOTICE_DEADLINE = {
  reviewDueOn: '2026-03-26',
  noticeDueOn: '2026-03-18',
  noticeDueBy: '2026-03-18T13:30:00.000Z',
  atRiskOn: '2026-03-17',
  atRiskAt: '2026-03-17T13:30:00.000Z',
  calendarVersion: calendar.version,
  termsVersion: '1',
};

const revoked = (revokedFrom: 'included' | 'refused', remedy: 'include' | 'return-to-review'): WorkflowEvent => ({
  type: 'DecisionRevoked',
  data: {
    applicationId: id,
    quota: QUOTA,
    persons: 3,
    decision: { number: 'KR-2026-X', date: '2026-04-01' },
    revokedFrom,
    remedy,
    by: { kind: 'complaint', complaintId: 'c-1' },
    subsidiesStopped: [],
    revokedAt: '2026-04-13T05:00:00.000Z',
  },
});

describe('the review process: the hearing and the complaint (ADR 32)', () => {
  it('a review deadline scheduled → the hearing notice deadline, 3 working days before it on the calendar in force', () => {
    given
      .when({ type: 'ReviewDeadlineScheduled', data: { applicationId: id, ...REVIEW_DEADLINE } })
      .then([
        sendToApplication(
          'schedule-hearing-notice-deadline',
          { type: 'ScheduleHearingNoticeDeadline', applicationId: id, deadline: NOTICE_DEADLINE },
          CLOSED,
        ),
      ]);
  });

  it('a review deadline moved by the law → the notice deadline moved with it', () => {
    const moved = { ...REVIEW_DEADLINE, dueOn: '2026-03-27', dueAt: '2026-03-27T13:30:00.000Z' };
    const [intent] = react(
      {
        type: 'ReviewDeadlineRescheduled',
        data: {
          applicationId: id,
          previous: REVIEW_DEADLINE,
          deadline: moved,
          amendment: null,
          corrected: [],
          escalationStands: false,
          rescheduledAt: '2026-03-05T05:00:00.000Z',
        },
      },
      context,
    );
    expect(intent).toMatchObject({
      step: 'schedule-hearing-notice-deadline',
      command: { deadline: { reviewDueOn: '2026-03-27', noticeDueOn: '2026-03-19', atRiskOn: '2026-03-18' } },
    });
  });

  it('the hearing terms are data: another version in force gives other instants', () => {
    const terms = { ...HEARING_TERMS_V1, version: '2', noticeWorkingDaysBeforeDue: 5 };
    const [intent] = react(
      { type: 'ReviewDeadlineScheduled', data: { applicationId: id, ...REVIEW_DEADLINE } },
      { ...context, policy: { ...policy, hearingTerms: terms } },
    );
    expect(intent).toMatchObject({ command: { deadline: { noticeDueOn: '2026-03-16', termsVersion: '2' } } });
  });

  it('the notice deadline breached → the application escalated: a refusal can no longer be notified in time', () => {
    given
      .when({
        type: 'HearingNoticeBreached',
        data: { applicationId: id, noticeDueBy: NOTICE_DEADLINE.noticeDueBy, breachedAt: NOTICE_DEADLINE.noticeDueBy },
      })
      .then([
        sendToApplication('escalate-hearing-notice', {
          type: 'EscalateHearingNotice',
          applicationId: id,
          reason:
            'No refusal can now be notified in time: the notice was due by 2026-03-18T13:30:00.000Z (3 working days before the review is due)',
        }),
      ]);
  });

  it('a proposed refusal reopened as eligible → the quota asked again, a new question', () => {
    given
      .when({
        type: 'ReviewReopenedAsEligible',
        data: {
          applicationId: id,
          quota: QUOTA,
          persons: 3,
          proposalSource: 'quota',
          reason: 'Seats were released meanwhile',
          reopenedBy: 'supervisor-1',
          reopenedAt: '2026-03-20T05:00:00.000Z',
        },
      })
      .then([
        sendToQuota('reserve-seats-reopened', {
          type: 'ReserveSeats',
          ...QUOTA,
          applicationId: id,
          persons: 3,
          askedAfter: 'reopened-review',
        }),
      ]);
  });

  it('a complaint past its term → escalated to the supervisors', () => {
    given
      .when({
        type: 'ComplaintBreached',
        data: {
          applicationId: id,
          complaintId: 'c-1',
          considerBy: '2026-04-17T13:30:00.000Z',
          breachedAt: '2026-04-17T13:30:00.000Z',
        },
      })
      .then([
        sendToApplication('escalate-complaint', {
          type: 'EscalateComplaint',
          applicationId: id,
          complaintId: 'c-1',
          reason: 'No answer to complaint c-1 by 2026-04-17T13:30:00.000Z (5 working days)',
        }),
      ]);
  });

  it('a refusal revoked with the remedy "include" → the quota asked again, marked as after a revocation', () => {
    given.when(revoked('refused', 'include')).then([
      sendToQuota('reserve-seats-after-revocation', {
        type: 'ReserveSeats',
        ...QUOTA,
        applicationId: id,
        persons: 3,
        askedAfter: 'revoked-decision',
      }),
    ]);
  });

  it('an inclusion revoked back to review → its seats and persons given back, its support stopped, and a fresh service term from the revocation', () => {
    given.when(revoked('included', 'return-to-review')).then([
      sendToQuota('release-seats-of-revoked-inclusion', {
        type: 'ReleaseSeats',
        ...QUOTA,
        applicationId: id,
        reason: 'The inclusion was revoked',
        follows: 'revoked-inclusion',
      }),
      sendToPersons('release-persons-of-revoked-inclusion', {
        type: 'ReleasePersons',
        applicationId: id,
        reason: 'decision-revoked',
      }),
      // ADR 33: a family that never arrived has no support: the stop is moot then.
      sendToSupport(
        'stop-support-of-revoked-inclusion',
        {
          type: 'StopSupport',
          applicationId: id,
          reason: 'inclusion-revoked',
          effectiveOn: '2026-04-13',
          terms: PAYMENT_TERMS_V1,
        },
        { codes: ['SUPPORT.NOT_OPEN'] },
      ),
      // Revoked Mon 13 April 2026, 10:00 in Astana: 14 working days from that day, not counted.
      sendToApplication(
        'schedule-review-deadline-after-revocation',
        {
          type: 'ScheduleReviewDeadline',
          applicationId: id,
          deadline: {
            acceptedOn: '2026-04-13',
            dueOn: '2026-05-04',
            dueAt: '2026-05-04T13:30:00.000Z',
            atRiskOn: '2026-04-28',
            atRiskAt: '2026-04-28T13:30:00.000Z',
            calendarVersion: calendar.version,
            calendarProvisional: false,
          },
        },
        CLOSED,
      ),
    ]);
  });
});
