import type { ApplicationEvent } from '@domain/application';
import { QUOTA_EXHAUSTED, REFUSAL_GROUNDS_V1 } from '@domain/application';
import { COMPLAINT_TERMS_V1 } from '@domain/law';
import {
  issueNotice,
  noNotice,
  noticesFor,
  noticeStreamDecider,
  typesNoticed,
  type NoticeContext,
  type NoticeIssued,
} from '@domain/notices';
import { quotaFullExplanation } from '@domain/review-process';
import { deciderSpecification, processSpecification } from '@libs/testing';
import { APPLICATION_ID as id, DEADLINE, QUOTA } from '../application/fixtures';

const context = (history: readonly ApplicationEvent[]): NoticeContext => ({
  history,
  groundsList: (version) => (version === '1' ? REFUSAL_GROUNDS_V1.grounds : undefined),
  complaintTerms: COMPLAINT_TERMS_V1,
});
/** The rule sees the history up to and including the event, as the handler reads it from the stream. */
const spec = processSpecification((history: readonly ApplicationEvent[], _: null) =>
  noticesFor(history.at(-1)!, context(history)),
);
const given = spec.given(null);

const scheduled: ApplicationEvent = { type: 'ReviewDeadlineScheduled', data: { applicationId: id, ...DEADLINE } };
const started = (at: string): ApplicationEvent => ({
  type: 'ReviewStarted',
  data: { applicationId: id, reviewerId: 'reviewer-1', startedAt: at },
});
const decision = { number: 'KQ-2026-3F1C2A4E8B7D', date: '2026-03-10' };
const included: ApplicationEvent = {
  type: 'ApplicationIncluded',
  data: {
    applicationId: id,
    ...QUOTA,
    persons: 3,
    decision,
    decidedAt: '2026-03-10T06:00:00.000Z',
    dueAt: DEADLINE.dueAt,
    late: false,
  },
};
const mci = { value: 4325, year: 2026, validFrom: '2026-01-01' };
const relocation: ApplicationEvent = {
  type: 'SubsidyGranted',
  data: {
    applicationId: id,
    grantedAt: '2026-03-10T06:00:00.000Z',
    kind: 'relocation',
    amount: 908_250,
    mci,
    inputs: { persons: 3, mciPerPerson: 70 },
    formula: '70 MCI × persons',
    legalBasis: 'order 234',
  },
};
const rent: ApplicationEvent = {
  type: 'SubsidyGranted',
  data: {
    applicationId: id,
    grantedAt: '2026-03-10T06:00:00.000Z',
    kind: 'rent',
    amount: 1_038_000,
    mci,
    inputs: { monthlyRateMci: 20, months: 12, monthlyAmount: 86_500, rateTable: { version: '1', provisional: true } },
    formula: 'monthlyRateMci × MCI × 12 months',
    legalBasis: 'order 234',
  },
};

describe('what the applicant is told (pure: the history up to an event in, notices out)', () => {
  it('acceptance: the day accepted and the day the decision is due', () => {
    given.when([scheduled]).then([
      issueNotice({
        kind: 'application-accepted',
        data: { acceptedOn: DEADLINE.acceptedOn, dueOn: DEADLINE.dueOn, dueAt: DEADLINE.dueAt },
      }),
    ]);
  });

  it('the review started: once, with the due day; a second start (after a reassignment) tells nothing new', () => {
    given
      .when([scheduled, started('2026-03-03T05:00:00.000Z')])
      .then([issueNotice({ kind: 'review-started', data: { startedOn: '2026-03-03', dueOn: DEADLINE.dueOn } })]);
    given
      .when([scheduled, started('2026-03-03T05:00:00.000Z'), started('2026-03-04T05:00:00.000Z')])
      .then([noNotice('NOTHING_THE_APPLICANT_SEES_CHANGED', 'The review had started already')]);
  });

  it('a review started before the deadline was scheduled is told right after the acceptance, never before it', () => {
    // Found by the notice crash test: after a restart the deadline saga runs behind, and a reviewer
    // can take a freshly signed application before its ReviewDeadlineScheduled is appended.
    given
      .when([started('2026-03-02T05:00:00.000Z')])
      .then([
        noNotice('WAITING_FOR_THE_ACCEPTANCE', 'The start is told right after the acceptance, once it is scheduled'),
      ]);
    given.when([started('2026-03-02T05:00:00.000Z'), scheduled]).then([
      issueNotice({
        kind: 'application-accepted',
        data: { acceptedOn: DEADLINE.acceptedOn, dueOn: DEADLINE.dueOn, dueAt: DEADLINE.dueAt },
      }),
      issueNotice({ kind: 'review-started', data: { startedOn: '2026-03-02', dueOn: DEADLINE.dueOn } }),
    ]);
  });

  it('a deadline moved by an amendment of the calendar: the new due day and the old one', () => {
    const moved = { ...DEADLINE, dueOn: '2026-03-24', dueAt: '2026-03-24T13:30:00.000Z' };
    given
      .when([
        scheduled,
        {
          type: 'ReviewDeadlineRescheduled',
          data: {
            applicationId: id,
            previous: DEADLINE,
            deadline: moved,
            amendment: null,
            corrected: [],
            escalationStands: false,
            rescheduledAt: '2026-03-05T05:00:00.000Z',
          },
        },
      ])
      .then([
        issueNotice({
          kind: 'review-deadline-moved',
          data: { previousDueOn: DEADLINE.dueOn, dueOn: '2026-03-24', dueAt: moved.dueAt, becauseOf: null },
        }),
      ]);
  });

  it('an inclusion is told at the grant that completes both subsidies, with the decision and the amounts', () => {
    given
      .when([scheduled, included, relocation])
      .then([
        noNotice('WAITING_FOR_THE_OTHER_SUBSIDY', 'The inclusion is told with both amounts, once both are granted'),
      ]);
    given.when([scheduled, included, relocation, rent]).then([
      issueNotice({
        kind: 'application-included',
        data: {
          decisionNumber: decision.number,
          decisionDate: decision.date,
          persons: 3,
          relocationAmount: 908_250,
          rentAmount: 1_038_000,
          rentMonthlyAmount: 86_500,
          totalAmount: 1_946_250,
          documentUrl: `/portal/applications/${id}/decision-document`,
        },
      }),
    ]);
  });

  it('a refusal: each ground with its Kazakh and Russian label from the list version decided under, and the complaint terms in force', () => {
    const refused: ApplicationEvent = {
      type: 'ApplicationRefused',
      data: {
        applicationId: id,
        quota: QUOTA,
        grounds: ['INCOMPLETE_DOCUMENTS'],
        groundsListVersion: '1',
        explanation: 'Diploma supplement missing',
        decision: { number: 'KR-2026-3F1C2A4E8B7D', date: '2026-11-30' },
        decidedAt: '2026-11-30T06:00:00.000Z',
        dueAt: DEADLINE.dueAt,
        late: true,
      },
    };
    const ground = REFUSAL_GROUNDS_V1.grounds.find((g) => g.code === 'INCOMPLETE_DOCUMENTS')!;
    given.when([scheduled, refused]).then([
      issueNotice({
        kind: 'application-refused',
        data: {
          decisionNumber: 'KR-2026-3F1C2A4E8B7D',
          decisionDate: '2026-11-30',
          grounds: [{ code: 'INCOMPLETE_DOCUMENTS', kk: ground.kk, ru: ground.ru }],
          groundsListVersion: '1',
          explanation: 'Diploma supplement missing',
          seats: null,
          // Three months from 30 November: the end of February (luxon clamps to the month's last day).
          complaint: {
            termsVersion: '1',
            until: '2027-02-28',
            filingPeriodMonths: 3,
            providerConsiderationWorkingDays: 5,
            authorityConsiderationWorkingDays: 15,
            authorityExtensionWorkingDays: 10,
          },
          documentUrl: `/portal/applications/${id}/decision-document`,
        },
      }),
    ]);
  });

  it('a refusal the process wrote on a full quota: no English words for the applicant, the seats instead', () => {
    const refused: ApplicationEvent = {
      type: 'ApplicationRefused',
      data: {
        applicationId: id,
        quota: QUOTA,
        grounds: [QUOTA_EXHAUSTED],
        groundsListVersion: '1',
        explanation: quotaFullExplanation(QUOTA, 1, 3),
        decision: { number: 'KR-2026-3F1C2A4E8B7D-2', date: '2026-11-30' },
        decidedAt: '2026-11-30T06:00:00.000Z',
        dueAt: DEADLINE.dueAt,
        late: false,
      },
    };
    const [intent] = noticesFor(refused, context([scheduled, refused]));
    expect(intent).toMatchObject({
      kind: 'issue-notice',
      content: { kind: 'application-refused', data: { explanation: null, seats: { remaining: 1, persons: 3 } } },
    });
  });

  it('an arrival recorded: where, when, and who recorded it (ADR 33) — never the address or the account', () => {
    const arrived: ApplicationEvent = {
      type: 'FamilyArrived',
      data: {
        applicationId: id,
        quota: QUOTA,
        settlement: { kind: 'village', name: 'Шарбакты' },
        arrivedOn: '2026-03-28',
        registration: { address: 'ул. Абая 3', registeredOn: '2026-03-30' },
        recipient: { iin: '1', iban: 'KZ86125KZT5004100100' },
        support: { persons: 3, monthlyRateMci: 15 },
        recordedBy: 'officer',
        termsVersion: '1',
        recordedAt: '2026-04-02T06:00:00.000Z',
      },
    };
    given.when([scheduled, arrived]).then([
      issueNotice({
        kind: 'arrival-recorded',
        data: {
          arrivedOn: '2026-03-28',
          settlement: { kind: 'village', name: 'Шарбакты' },
          registeredOn: '2026-03-30',
          recordedBy: 'officer',
        },
      }),
    ]);
  });

  it('says why for the events it does not tell, and the runner subscribes only to those it tells', () => {
    given
      .when([{ type: 'ReviewSlaAtRisk', data: { applicationId: id, atRiskAt: '', dueAt: '', flaggedAt: '' } }])
      .then([noNotice('NOT_FOR_THE_APPLICANT', 'A warning for the office')]);
    expect(typesNoticed().sort()).toEqual(
      [
        'ApplicationRefused',
        'AuthorityDecisionRecorded',
        'ComplaintFiled',
        'ComplaintRejected',
        'ComplaintSatisfied',
        'DecisionRevoked',
        'FamilyArrived',
        'HearingHeld',
        'RefusalProposed',
        'ReviewDeadlineRescheduled',
        'ReviewDeadlineScheduled',
        'ReviewStarted',
        'SubsidyGranted',
        // The support's, told from the family's support stream (ADR 33).
        'PaymentPaid',
        'PaymentReturned',
        'RecipientCorrected',
        'SupportStopped',
      ].sort(),
    );
  });
});

describe('the notice stream: the outbox of one application', () => {
  const notice = {
    noticeId: 'n-1',
    applicationId: id,
    cause: { eventId: 'e-1', type: 'ReviewDeadlineScheduled' },
    kind: 'application-accepted',
    data: { acceptedOn: DEADLINE.acceptedOn, dueOn: DEADLINE.dueOn, dueAt: DEADLINE.dueAt },
    template: { id: 'application-accepted', version: 1 },
    texts: { kk: 'kk', ru: 'ru' },
    recipient: { channel: 'personal-cabinet', submittedBy: { id: 'egov', role: 'portal' } },
  } as Omit<NoticeIssued['data'], 'issuedAt'>;
  const at = '2026-03-02T05:00:00.000Z';
  const issued: NoticeIssued = { type: 'NoticeIssued', data: { ...notice, issuedAt: at } as NoticeIssued['data'] };
  const stream = deciderSpecification(noticeStreamDecider);
  /** Each attempt is claimed by the instance that makes it (ADR 35). */
  const claimed = (attempt: number) =>
    ({
      type: 'NoticeDeliveryClaimed',
      data: {
        noticeId: 'n-1',
        applicationId: id,
        attempt,
        claimedBy: 'instance-a',
        claimedAt: at,
        claimedUntil: '2026-03-02T05:01:10.000Z',
      },
    }) as const;
  const failure = {
    type: 'RecordNoticeDeliveryFailure',
    applicationId: id,
    noticeId: 'n-1',
    claimant: 'instance-a',
    reason: 'HTTP 500',
    maxAttempts: 2,
    nextAttemptAt: '2026-03-02T05:00:05.000Z',
    at,
  } as const;

  it('issues a notice once: its cause redelivered issues nothing', () => {
    stream.given([]).when({ type: 'IssueNotice', applicationId: id, notice, at }).then([issued]);
    stream.given([issued]).when({ type: 'IssueNotice', applicationId: id, notice, at }).thenNothingHappened();
  });

  it('a failed attempt names the next one; the last allowed attempt parks it', () => {
    stream
      .given([issued, claimed(1)])
      .when(failure)
      .then([
        {
          type: 'NoticeDeliveryFailed',
          data: {
            noticeId: 'n-1',
            applicationId: id,
            attempt: 1,
            reason: 'HTTP 500',
            nextAttemptAt: failure.nextAttemptAt,
            failedAt: at,
          },
        },
      ]);
    const first = {
      type: 'NoticeDeliveryFailed',
      data: {
        noticeId: 'n-1',
        applicationId: id,
        attempt: 1,
        reason: 'HTTP 500',
        nextAttemptAt: failure.nextAttemptAt,
        failedAt: at,
      },
    } as const;
    stream
      .given([issued, claimed(1), first, claimed(2)])
      .when(failure)
      .then([
        {
          type: 'NoticeDeliveryFailed',
          data: {
            noticeId: 'n-1',
            applicationId: id,
            attempt: 2,
            reason: 'HTTP 500',
            nextAttemptAt: null,
            failedAt: at,
          },
        },
        {
          type: 'NoticeParked',
          data: { noticeId: 'n-1', applicationId: id, attempts: 2, reason: 'HTTP 500', parkedAt: at },
        },
      ]);
  });

  it('delivered once; only a parked notice goes back to the queue', () => {
    const delivered = { type: 'RecordNoticeDelivered', applicationId: id, noticeId: 'n-1', status: 200, at } as const;
    stream
      .given([issued])
      .when(delivered)
      .then([
        {
          type: 'NoticeDelivered',
          data: { noticeId: 'n-1', applicationId: id, attempt: 1, status: 200, deliveredAt: at },
        },
      ]);
    const done = {
      type: 'NoticeDelivered',
      data: { noticeId: 'n-1', applicationId: id, attempt: 1, status: 200, deliveredAt: at },
    } as const;
    stream.given([issued, done]).when(delivered).thenNothingHappened();
    stream
      .given([issued])
      .when({ type: 'RequestNoticeRedelivery', applicationId: id, noticeId: 'n-1', at })
      .thenThrows({ code: 'NOTICE.NOT_PARKED' });
    stream
      .given([])
      .when({ type: 'RequestNoticeRedelivery', applicationId: id, noticeId: 'n-1', at })
      .thenThrows({ code: 'NOTICE.NOT_FOUND' });
  });
});
