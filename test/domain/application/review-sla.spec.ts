import { applicationDecider } from '@domain/application';
import type {
  EscalateReview,
  FlagReviewSlaAtRisk,
  RecordReviewSlaBreach,
  ScheduleReviewDeadline,
} from '@domain/application/decisions/sla';
import { deciderSpecification } from '@libs/testing';
import { APPLICATION_ID, DEADLINE, history } from './fixtures';

const spec = deciderSpecification(applicationDecider);
const schedule = (deadline = DEADLINE): ScheduleReviewDeadline => ({
  type: 'ScheduleReviewDeadline',
  applicationId: APPLICATION_ID,
  at: '2026-03-02T05:10:01.000Z',
  deadline,
});
const flag = (at = DEADLINE.atRiskAt): FlagReviewSlaAtRisk => ({
  type: 'FlagReviewSlaAtRisk',
  applicationId: APPLICATION_ID,
  at,
});
const breach = (at = '2026-03-23T13:30:05.000Z'): RecordReviewSlaBreach => ({
  type: 'RecordReviewSlaBreach',
  applicationId: APPLICATION_ID,
  at,
});
const escalate = (reason = 'No decision within 14 working days'): EscalateReview => ({
  type: 'EscalateReview',
  applicationId: APPLICATION_ID,
  at: '2026-03-23T13:30:06.000Z',
  reason,
});

describe('ScheduleReviewDeadline', () => {
  it('records the deadline computed at signing, once', () => {
    spec
      .given(history.signed())
      .when(schedule())
      .then([{ type: 'ReviewDeadlineScheduled', data: { applicationId: APPLICATION_ID, ...DEADLINE } }]);
    spec.given(history.scheduled()).when(schedule()).thenNothingHappened();
  });

  it('does nothing once the application is decided or withdrawn: the decision cancels what is pending', () => {
    spec.given(history.withdrawn()).when(schedule()).thenNothingHappened();
    spec.given(history.included()).when(schedule()).thenNothingHappened();
  });

  it('refuses before signing, and a deadline whose at-risk point comes after its due instant', () => {
    spec.given(history.submitted()).when(schedule()).thenThrows({ code: 'APPLICATION.NOT_SIGNED' });
    spec.given([]).when(schedule()).thenThrows({ code: 'APPLICATION.NOT_SUBMITTED' });
    spec
      .given(history.signed())
      .when(schedule({ ...DEADLINE, atRiskAt: '2026-03-24T00:00:00.000Z' }))
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
  });
});

describe('FlagReviewSlaAtRisk', () => {
  it('flags a review with no decision once the at-risk point has passed, once', () => {
    spec
      .given(history.underReview())
      .when(flag())
      .then([
        {
          type: 'ReviewSlaAtRisk',
          data: {
            applicationId: APPLICATION_ID,
            atRiskAt: DEADLINE.atRiskAt,
            dueAt: DEADLINE.dueAt,
            flaggedAt: DEADLINE.atRiskAt,
          },
        },
      ]);
    spec.given(history.breached()).when(flag()).thenNothingHappened();
  });

  it('refuses to flag before the at-risk point or without a scheduled deadline', () => {
    spec
      .given(history.underReview())
      .when(flag('2026-03-18T13:29:59.000Z'))
      .thenThrows({ code: 'APPLICATION.SLA_NOT_DUE' });
    spec.given(history.signed()).when(flag()).thenThrows({ code: 'APPLICATION.DEADLINE_NOT_SCHEDULED' });
  });

  it('does nothing after the decision', () => {
    spec.given(history.refused()).when(flag()).thenNothingHappened();
  });
});

describe('RecordReviewSlaBreach and EscalateReview', () => {
  it('records the breach once the due instant has passed, and moves the review to the supervisors', () => {
    spec
      .given(history.underReview())
      .when(breach())
      .then([
        {
          type: 'ReviewSlaBreached',
          data: { applicationId: APPLICATION_ID, dueAt: DEADLINE.dueAt, breachedAt: '2026-03-23T13:30:05.000Z' },
        },
      ]);
    spec
      .given(history.breached())
      .when(escalate())
      .then([
        {
          type: 'ReviewEscalated',
          data: {
            applicationId: APPLICATION_ID,
            queue: 'supervisors',
            reason: 'No decision within 14 working days',
            escalatedAt: '2026-03-23T13:30:06.000Z',
          },
        },
      ]);
  });

  it('records each once', () => {
    spec.given(history.breached()).when(breach()).thenNothingHappened();
    const escalated = [
      ...history.breached(),
      {
        type: 'ReviewEscalated' as const,
        data: {
          applicationId: APPLICATION_ID,
          queue: 'supervisors' as const,
          reason: 'late',
          escalatedAt: '2026-03-23T13:30:06.000Z',
        },
      },
    ];
    spec.given(escalated).when(escalate()).thenNothingHappened();
  });

  it('refuses a breach before the due instant, and an escalation without a breach or a reason', () => {
    spec
      .given(history.underReview())
      .when(breach('2026-03-23T13:29:00.000Z'))
      .thenThrows({ code: 'APPLICATION.SLA_NOT_DUE' });
    spec.given(history.signed()).when(breach()).thenThrows({ code: 'APPLICATION.DEADLINE_NOT_SCHEDULED' });
    spec.given(history.underReview()).when(escalate()).thenThrows({ code: 'APPLICATION.SLA_NOT_BREACHED' });
    spec.given(history.breached()).when(escalate('')).thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
  });

  it('refuses an escalation without a reason even where it would have nothing to do (found by the fuzzer)', () => {
    const escalated = [
      ...history.breached(),
      {
        type: 'ReviewEscalated' as const,
        data: {
          applicationId: APPLICATION_ID,
          queue: 'supervisors' as const,
          reason: 'late',
          escalatedAt: '2026-03-23T13:30:06.000Z',
        },
      },
    ];
    spec.given(escalated).when(escalate('   ')).thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
    spec.given(history.included()).when(escalate('   ')).thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
  });

  it('does nothing once the application is decided or withdrawn', () => {
    spec.given(history.included()).when(breach()).thenNothingHappened();
    spec.given(history.withdrawn()).when(escalate()).thenNothingHappened();
  });
});
