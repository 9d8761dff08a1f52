import { applicationDecider, type ApplicationCommand } from '@domain/application';
import { deciderSpecification } from '@libs/testing';
import { APPLICATION_ID as id, DEADLINE, history, QUOTA } from './fixtures';
import { HEARING, hearingHistory, NOTICE, propose, proposalData, PROPOSED_AT } from './hearing-fixtures';

const spec = deciderSpecification(applicationDecider);
const at = (instant: string) => ({ applicationId: id, at: instant });

describe('the hearing notice deadline (ADR 32)', () => {
  const schedule = (deadline = NOTICE): ApplicationCommand => ({
    type: 'ScheduleHearingNoticeDeadline',
    ...at('2026-03-02T05:10:01.000Z'),
    deadline,
  });

  it('is recorded as the process derived it from the review deadline', () => {
    spec
      .given(history.scheduled())
      .when(schedule())
      .then([
        {
          type: 'HearingNoticeDeadlineScheduled',
          data: { applicationId: id, ...NOTICE, scheduledAt: '2026-03-02T05:10:01.000Z' },
        },
      ]);
  });

  it('the same deadline again is nothing; a moved one is recorded', () => {
    spec.given(hearingHistory.noticeScheduled()).when(schedule()).thenNothingHappened();
    const moved = { ...NOTICE, noticeDueOn: '2026-03-19', noticeDueBy: '2026-03-19T13:30:00.000Z' };
    spec
      .given(hearingHistory.noticeScheduled())
      .when(schedule(moved))
      .then([
        {
          type: 'HearingNoticeDeadlineScheduled',
          data: { applicationId: id, ...moved, scheduledAt: '2026-03-02T05:10:01.000Z' },
        },
      ]);
  });

  it('refuses a deadline whose warning comes after it', () => {
    spec
      .given(history.scheduled())
      .when(schedule({ ...NOTICE, atRiskAt: '2026-03-19T13:30:00.000Z' }))
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
  });

  it('is moot once a refusal is proposed, or the application decided or withdrawn', () => {
    spec.given(hearingHistory.proposed()).when(schedule()).thenNothingHappened();
    spec.given(history.included()).when(schedule()).thenNothingHappened();
    spec.given(history.withdrawn()).when(schedule()).thenNothingHappened();
  });

  it('warns at the at-risk instant, not before, and once', () => {
    const flag: ApplicationCommand = { type: 'FlagHearingNoticeAtRisk', ...at(NOTICE.atRiskAt) };
    spec
      .given(hearingHistory.noticeScheduled())
      .when({ ...flag, at: '2026-03-17T13:29:59.000Z' })
      .thenThrows({ code: 'APPLICATION.SLA_NOT_DUE' });
    spec
      .given(hearingHistory.noticeScheduled())
      .when(flag)
      .then([
        {
          type: 'HearingNoticeAtRisk',
          data: {
            applicationId: id,
            atRiskAt: NOTICE.atRiskAt,
            noticeDueBy: NOTICE.noticeDueBy,
            flaggedAt: NOTICE.atRiskAt,
          },
        },
      ]);
    const flagged = [
      ...hearingHistory.noticeScheduled(),
      ...applicationDecider.decide(flag, foldOf(hearingHistory.noticeScheduled())),
    ];
    spec.given(flagged).when(flag).thenNothingHappened();
  });

  it('needs a scheduled notice deadline (an application signed before ADR 32 has none)', () => {
    spec
      .given(history.scheduled())
      .when({ type: 'FlagHearingNoticeAtRisk', ...at(NOTICE.atRiskAt) })
      .thenThrows({ code: 'APPLICATION.DEADLINE_NOT_SCHEDULED' });
  });

  it('records the breach at the notice instant; only a breach escalates', () => {
    const breach: ApplicationCommand = { type: 'RecordHearingNoticeBreach', ...at(NOTICE.noticeDueBy) };
    const escalate: ApplicationCommand = {
      type: 'EscalateHearingNotice',
      ...at(NOTICE.noticeDueBy),
      reason: 'No refusal can now be notified in time',
    };
    spec
      .given(hearingHistory.noticeScheduled())
      .when(breach)
      .then([
        {
          type: 'HearingNoticeBreached',
          data: { applicationId: id, noticeDueBy: NOTICE.noticeDueBy, breachedAt: NOTICE.noticeDueBy },
        },
      ]);
    spec.given(hearingHistory.noticeScheduled()).when(escalate).thenThrows({ code: 'APPLICATION.SLA_NOT_BREACHED' });
    const breached = [
      ...hearingHistory.noticeScheduled(),
      {
        type: 'HearingNoticeBreached',
        data: { applicationId: id, noticeDueBy: NOTICE.noticeDueBy, breachedAt: NOTICE.noticeDueBy },
      },
    ] as const;
    spec
      .given([...breached])
      .when(escalate)
      .then([
        {
          type: 'HearingNoticeEscalated',
          data: {
            applicationId: id,
            queue: 'supervisors',
            reason: 'No refusal can now be notified in time',
            escalatedAt: NOTICE.noticeDueBy,
          },
        },
      ]);
  });
});

describe('ProposeRefusal', () => {
  it('proposes a refusal after a not-eligible review: the grounds, the hearing, the notice deadline it meets', () => {
    spec
      .given(hearingHistory.reviewed())
      .when(propose())
      .then([{ type: 'RefusalProposed', data: proposalData() }]);
  });

  it('records a notice sent after its deadline as late', () => {
    const lateAt = '2026-03-19T05:00:00.000Z';
    const hearing = { ...HEARING, heldByOn: '2026-03-23', heldBy: '2026-03-23T13:30:00.000Z' };
    spec
      .given(hearingHistory.reviewed())
      .when(propose({ at: lateAt, hearing }))
      .then([{ type: 'RefusalProposed', data: proposalData({ proposedAt: lateAt, hearing, noticeLate: true }) }]);
  });

  it('a supervisor may propose before any review; an application signed before ADR 32 has no notice deadline to meet', () => {
    const [event] = applicationDecider.decide(
      propose({ source: 'supervisor', proposedBy: 'supervisor-1' }),
      foldOf(history.scheduled()),
    );
    expect(event).toMatchObject({
      type: 'RefusalProposed',
      data: { source: 'supervisor', noticeDueBy: null, noticeLate: false },
    });
  });

  it('a full quota proposes on QUOTA_EXHAUSTED after an eligible review, stating the seats; other grounds contradict the review', () => {
    const seats = { remaining: 1, persons: 3 };
    const [event] = applicationDecider.decide(
      propose({ source: 'quota', grounds: ['QUOTA_EXHAUSTED'], seats, explanation: '1 seat left' }),
      foldOf(hearingHistory.reviewed('eligible')),
    );
    expect(event).toMatchObject({ data: { source: 'quota', seats, grounds: ['QUOTA_EXHAUSTED'] } });
    spec
      .given(hearingHistory.reviewed('eligible'))
      .when(propose())
      .thenThrows({ code: 'APPLICATION.REFUSAL_CONTRADICTS_REVIEW' });
  });

  it('refuses a hearing held by an instant already past, an unknown way, an unknown ground', () => {
    spec
      .given(hearingHistory.reviewed())
      .when(propose({ hearing: { ...HEARING, heldBy: PROPOSED_AT } }))
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
    spec
      .given(hearingHistory.reviewed())
      .when(propose({ hearing: { ...HEARING, way: 'by-pigeon' as never } }))
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
    spec
      .given(hearingHistory.reviewed())
      .when(propose({ grounds: ['NO_SUCH_GROUND'] }))
      .thenThrows({ code: 'APPLICATION.INVALID_REFUSAL' });
  });

  it('one proposal at a time; none on a decided or unsigned application', () => {
    spec.given(hearingHistory.proposed()).when(propose()).thenThrows({ code: 'APPLICATION.REFUSAL_PROPOSED' });
    spec.given(history.refused()).when(propose()).thenThrows({ code: 'APPLICATION.ALREADY_DECIDED' });
    spec.given(history.submitted()).when(propose()).thenThrows({ code: 'APPLICATION.NOT_SIGNED' });
  });

  it('keeps the review’s service term running: at risk, breach and escalation still fire; a withdrawal still closes it', () => {
    const flag: ApplicationCommand = { type: 'FlagReviewSlaAtRisk', ...at(DEADLINE.atRiskAt) };
    const [event] = applicationDecider.decide(flag, foldOf(hearingHistory.proposed()));
    expect(event).toMatchObject({ type: 'ReviewSlaAtRisk' });
    const [withdrawn] = applicationDecider.decide(
      { type: 'WithdrawApplication', ...at('2026-03-11T05:00:00.000Z'), reason: 'We stay' },
      foldOf(hearingHistory.proposed()),
    );
    expect(withdrawn).toMatchObject({ type: 'ApplicationWithdrawn' });
  });

  it('a proposal stands between the review and the decision: no second review, no inclusion, no direct refusal', () => {
    spec
      .given(hearingHistory.proposed())
      .when({
        type: 'IncludeInQuota',
        ...at('2026-03-11T05:00:00.000Z'),
        persons: 3,
        decision: { number: 'KQ-1', date: '2026-03-11' },
      })
      .thenThrows({ code: 'APPLICATION.REFUSAL_PROPOSED' });
  });
});

describe('the applicant’s objection and the hearing', () => {
  const objection: ApplicationCommand = {
    type: 'RecordApplicantObjection',
    ...at('2026-03-10T10:00:00.000Z'),
    objectionId: 'o-1',
    text: 'My passport was renewed',
    documentsAdded: [{ title: 'New passport', reference: 'doc-41' }],
  };
  const hearing: ApplicationCommand = {
    type: 'RecordHearing',
    ...at('2026-03-11T07:00:00.000Z'),
    heardBy: 'officer-7',
    heldAt: '2026-03-11T06:00:00.000Z',
    attendance: 'attended',
    statement: 'The applicant brought a new passport copy',
    documentsAdded: [{ title: 'Passport copy', reference: 'doc-42' }],
  };

  it('records the objection while the refusal is proposed; the same objection twice is one', () => {
    spec
      .given(hearingHistory.proposed())
      .when(objection)
      .then([
        {
          type: 'ApplicantObjected',
          data: {
            applicationId: id,
            objectionId: 'o-1',
            text: 'My passport was renewed',
            documentsAdded: [{ title: 'New passport', reference: 'doc-41' }],
            objectedAt: '2026-03-10T10:00:00.000Z',
          },
        },
      ]);
    const objected = [
      ...hearingHistory.proposed(),
      ...applicationDecider.decide(objection, foldOf(hearingHistory.proposed())),
    ];
    spec.given(objected).when(objection).thenNothingHappened();
  });

  it('an objection or a hearing needs a proposed refusal', () => {
    spec.given(hearingHistory.reviewed()).when(objection).thenThrows({ code: 'APPLICATION.NO_REFUSAL_PROPOSED' });
    spec.given(history.refused()).when(hearing).thenThrows({ code: 'APPLICATION.ALREADY_DECIDED' });
  });

  it('records the hearing once', () => {
    spec
      .given(hearingHistory.proposed())
      .when(hearing)
      .then([hearingHistory.heard().at(-1)!]);
    spec.given(hearingHistory.heard()).when(hearing).thenThrows({ code: 'APPLICATION.HEARING_ALREADY_HELD' });
  });

  it('refuses a hearing dated in the future, or with an unknown attendance', () => {
    spec
      .given(hearingHistory.proposed())
      .when({ ...hearing, heldAt: '2026-03-12T06:00:00.000Z' })
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
    spec
      .given(hearingHistory.proposed())
      .when({ ...hearing, attendance: 'maybe' } as unknown as ApplicationCommand)
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
  });
});

describe('the supervisor’s final decision', () => {
  const confirm = (instant: string): ApplicationCommand => ({ type: 'ConfirmRefusal', ...at(instant) });

  it('confirms the refusal once the applicant was heard: the proposal’s grounds, now decided, numbered by the application', () => {
    spec
      .given(hearingHistory.heard())
      .when(confirm('2026-03-11T08:00:00.000Z'))
      .then([
        {
          type: 'ApplicationRefused',
          data: {
            applicationId: id,
            quota: QUOTA,
            grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
            groundsListVersion: '1',
            explanation: 'Passport copy unreadable',
            decision: { number: 'KR-2026-3F1C2A4E8B7D', date: '2026-03-11' },
            decidedAt: '2026-03-11T08:00:00.000Z',
            dueAt: DEADLINE.dueAt,
            late: false,
          },
        },
      ]);
  });

  it('not before the hearing’s time ran out when nobody was heard; at its last instant still not, just after it yes', () => {
    spec
      .given(hearingHistory.proposed())
      .when(confirm(HEARING.heldBy))
      .thenThrows({ code: 'APPLICATION.HEARING_WINDOW_OPEN' });
    const [event] = applicationDecider.decide(confirm('2026-03-12T13:30:00.001Z'), foldOf(hearingHistory.proposed()));
    expect(event).toMatchObject({ type: 'ApplicationRefused' });
  });

  it('a refusal confirmed after the review’s due instant is recorded as late', () => {
    const [event] = applicationDecider.decide(confirm('2026-03-24T05:00:00.000Z'), foldOf(hearingHistory.heard()));
    expect(event).toMatchObject({ data: { late: true, dueAt: DEADLINE.dueAt } });
  });

  it('reopens the review as eligible: the application may then be included', () => {
    const reopen: ApplicationCommand = {
      type: 'ReopenReviewAsEligible',
      ...at('2026-03-11T08:00:00.000Z'),
      supervisorId: 'supervisor-1',
      reason: 'The new passport copy is valid',
    };
    spec
      .given(hearingHistory.heard())
      .when(reopen)
      .then([
        {
          type: 'ReviewReopenedAsEligible',
          data: {
            applicationId: id,
            quota: QUOTA,
            persons: 3,
            proposalSource: 'review',
            reason: 'The new passport copy is valid',
            reopenedBy: 'supervisor-1',
            reopenedAt: '2026-03-11T08:00:00.000Z',
          },
        },
      ]);
    const reopened = [...hearingHistory.heard(), ...applicationDecider.decide(reopen, foldOf(hearingHistory.heard()))];
    const [included] = applicationDecider.decide(
      {
        type: 'IncludeInQuota',
        ...at('2026-03-11T09:00:00.000Z'),
        persons: 3,
        decision: { number: 'KQ-1', date: '2026-03-11' },
      },
      foldOf(reopened),
    );
    expect(included).toMatchObject({ type: 'ApplicationIncluded' });
  });

  it('nothing to confirm or reopen without a proposal', () => {
    spec
      .given(hearingHistory.reviewed())
      .when(confirm('2026-03-13T05:00:00.000Z'))
      .thenThrows({ code: 'APPLICATION.NO_REFUSAL_PROPOSED' });
  });
});

function foldOf(events: readonly import('@domain/application').ApplicationEvent[]) {
  return events.reduce(applicationDecider.evolve, applicationDecider.initialState());
}
