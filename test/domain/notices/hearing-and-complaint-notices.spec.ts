import type { ApplicationEvent } from '@domain/application';
import { REFUSAL_GROUNDS_V1 } from '@domain/application';
import { COMPLAINT_TERMS_V1 } from '@domain/law';
import { issueNotice, noNotice, noticesFor, type NoticeContext, type NoticeIntent } from '@domain/notices';
import { processSpecification } from '@libs/testing';
import { APPLICATION_ID as id, DEADLINE, QUOTA } from '../application/fixtures';
import { proposalData, revokedInclusionData } from '../application/hearing-fixtures';

/**
 * What the applicant is told of a preliminary refusal, its hearing, a complaint and its answer, and a
 * revoked decision (issue 20, ADR 32): given the history up to the event, the notice's data. Each
 * event gives at most one notice of a kind, so its id — derived from the causing event and the kind
 * (ADR 28) — is unique, and a redelivered cause issues nothing again.
 */
const context = (history: readonly ApplicationEvent[]): NoticeContext => ({
  history,
  groundsList: (version) => (version === '1' ? REFUSAL_GROUNDS_V1.grounds : undefined),
  complaintTerms: COMPLAINT_TERMS_V1,
});
const tell = (history: readonly ApplicationEvent[]) => noticesFor(history.at(-1)!, context(history));
const spec = processSpecification((history: readonly ApplicationEvent[], _: null) => tell(history));
const given = spec.given(null);

const [ground] = REFUSAL_GROUNDS_V1.grounds;
const scheduled: ApplicationEvent = { type: 'ReviewDeadlineScheduled', data: { applicationId: id, ...DEADLINE } };
const proposed = (source: 'review' | 'quota'): ApplicationEvent => ({
  type: 'RefusalProposed',
  data: proposalData({
    grounds: [ground!.code],
    explanation: 'Документ не представлен',
    source,
    proposedBy: 'reviewer-1',
    proposedAt: '2026-03-16T05:00:00.000Z',
    hearing: { way: 'video-call', heldByOn: '2026-03-18', heldBy: '2026-03-18T13:30:00.000Z' },
    ...(source === 'quota' ? { seats: { remaining: 1, persons: 3 } } : {}),
  }),
});
const objected = (objectionId: string): ApplicationEvent => ({
  type: 'ApplicantObjected',
  data: {
    applicationId: id,
    objectionId,
    text: 'Не согласен',
    documentsAdded: [],
    objectedAt: '2026-03-16T09:00:00.000Z',
  },
});
const heard: ApplicationEvent = {
  type: 'HearingHeld',
  data: {
    applicationId: id,
    heardBy: 'reviewer-1',
    heldAt: '2026-03-17T06:00:00.000Z',
    attendance: 'in-writing',
    statement: 'Позиция изложена письменно',
    documentsAdded: [{ title: 'Архивная справка', reference: 'docs/9' }],
    recordedAt: '2026-03-17T07:00:00.000Z',
  },
};
const decision = { number: 'KR-2026-3F1C2A4E8B7D', date: '2026-03-19' };
const filed = (against: 'refusal' | 'missed-term' | 'inclusion-amounts'): ApplicationEvent => ({
  type: 'ComplaintFiled',
  data: {
    applicationId: id,
    complaintId: `c-${against}`,
    against,
    text: 'Прошу пересмотреть',
    level: 'provider',
    decision: against === 'missed-term' ? null : decision,
    filedAt: '2026-03-20T04:00:00.000Z',
    acceptedOn: '2026-03-20',
    considerByOn: '2026-03-27',
    considerBy: '2026-03-27T13:30:00.000Z',
    atRiskOn: '2026-03-26',
    atRiskAt: '2026-03-26T13:30:00.000Z',
    termsVersion: '1',
    calendarVersion: '2026.1',
  },
});
const satisfied = (complaintId: string): ApplicationEvent => ({
  type: 'ComplaintSatisfied',
  data: {
    applicationId: id,
    complaintId,
    remedy: 'return-to-review',
    reason: 'Справка подтверждает',
    decidedBy: 'supervisor-1',
    satisfiedAt: '2026-03-30T05:00:00.000Z',
    late: true,
  },
});

describe('the notices of a preliminary refusal and its hearing (ADR 32)', () => {
  it('a proposal on review: the grounds in both languages, the hearing offered, the day the decision is due, no seats', () => {
    given.when([scheduled, proposed('review')]).then([
      issueNotice({
        kind: 'refusal-proposed',
        data: {
          proposedOn: '2026-03-16',
          source: 'review',
          grounds: [{ code: ground!.code, kk: ground!.kk, ru: ground!.ru }],
          groundsListVersion: '1',
          explanation: 'Документ не представлен',
          hearing: { way: 'video-call', place: null, heldByOn: '2026-03-18', heldBy: '2026-03-18T13:30:00.000Z' },
          decisionDueOn: DEADLINE.dueOn,
          seats: null,
        },
      }),
    ]);
  });

  it('a proposal because the quota is full states the seats left and needed', () => {
    const [intent] = tell([scheduled, proposed('quota')]);
    expect(intent).toMatchObject({ content: { data: { source: 'quota', seats: { remaining: 1, persons: 3 } } } });
  });

  it('a proposal on an application signed before ADR 32 has no due day to state', () => {
    const [intent] = tell([proposed('review')]);
    expect(intent).toMatchObject({ content: { data: { decisionDueOn: null } } });
  });

  it("the hearing's record: when, how the applicant took part, what was written, and the objections to this proposal only", () => {
    given.when([scheduled, objected('o-0'), proposed('review'), objected('o-1'), objected('o-2'), heard]).then([
      issueNotice({
        kind: 'hearing-recorded',
        data: {
          heldAt: '2026-03-17T06:00:00.000Z',
          attendance: 'in-writing',
          statement: 'Позиция изложена письменно',
          documentsAdded: [{ title: 'Архивная справка', reference: 'docs/9' }],
          objections: 2,
          decisionDueOn: DEADLINE.dueOn,
        },
      }),
    ]);
  });

  it('an objection is not told: the portal answered the applicant then', () => {
    given
      .when([scheduled, proposed('review'), objected('o-1')])
      .then([noNotice('NOT_FOR_THE_APPLICANT', 'The applicant wrote it: the portal answered then')]);
  });
});

describe('the notices of a complaint, its answer and a revoked decision (ADR 32)', () => {
  it('a complaint received: against what, the decision, the day accepted and the term', () => {
    given.when([filed('refusal')]).then([
      issueNotice({
        kind: 'complaint-received',
        data: {
          against: 'refusal',
          decision,
          acceptedOn: '2026-03-20',
          considerByOn: '2026-03-27',
          considerBy: '2026-03-27T13:30:00.000Z',
        },
      }),
    ]);
  });

  it('satisfied: the remedy, the reason, whether late; against a missed term there is no remedy to tell', () => {
    given.when([filed('refusal'), satisfied('c-refusal')]).then([
      issueNotice({
        kind: 'complaint-satisfied',
        data: {
          against: 'refusal',
          satisfiedOn: '2026-03-30',
          remedy: 'return-to-review',
          reason: 'Справка подтверждает',
          late: true,
        },
      }),
    ]);
    const [missedTerm] = tell([filed('missed-term'), satisfied('c-missed-term')]);
    expect(missedTerm).toMatchObject({ content: { data: { against: 'missed-term', remedy: null } } });
  });

  it('rejected: the reasons, and the authority as the next level with its terms in force', () => {
    given
      .when([
        filed('inclusion-amounts'),
        {
          type: 'ComplaintRejected',
          data: {
            applicationId: id,
            complaintId: 'c-inclusion-amounts',
            reasons: 'Суммы верны',
            decidedBy: 'supervisor-1',
            rejectedAt: '2026-03-24T05:00:00.000Z',
            late: false,
          },
        },
      ])
      .then([
        issueNotice({
          kind: 'complaint-rejected',
          data: {
            against: 'inclusion-amounts',
            rejectedOn: '2026-03-24',
            reasons: 'Суммы верны',
            late: false,
            authority: {
              termsVersion: COMPLAINT_TERMS_V1.version,
              considerationWorkingDays: COMPLAINT_TERMS_V1.authorityConsiderationWorkingDays,
              extensionWorkingDays: COMPLAINT_TERMS_V1.authorityExtensionWorkingDays,
            },
          },
        }),
      ]);
  });

  it('a revoked inclusion: back to review, its seats given back, each subsidy stopped and their total', () => {
    given.when([{ type: 'DecisionRevoked', data: revokedInclusionData() }]).then([
      issueNotice({
        kind: 'decision-revoked',
        data: {
          decisionNumber: 'KQ-2026-3F1C2A4E8B7D',
          decisionDate: '2026-03-10',
          revokedOn: '2026-03-30',
          revokedFrom: 'included',
          remedy: 'return-to-review',
          authorityDocument: null,
          seatsReleased: 3,
          subsidiesStopped: [
            { kind: 'relocation', amount: 908_250 },
            { kind: 'rent', amount: 1_038_000 },
          ],
          totalStopped: 1_946_250,
        },
      }),
    ]);
  });

  it("a refusal revoked on the authority's decision: its document named, no seats released, nothing stopped", () => {
    const [intent] = tell([
      {
        type: 'DecisionRevoked',
        data: {
          applicationId: id,
          quota: QUOTA,
          persons: 3,
          decision,
          revokedFrom: 'refused',
          remedy: 'include',
          by: { kind: 'authority', documentNumber: '12-5/301' },
          subsidiesStopped: [],
          revokedAt: '2026-04-20T05:00:00.000Z',
        },
      },
    ]);
    expect(intent).toMatchObject({
      content: { data: { authorityDocument: '12-5/301', seatsReleased: 0, subsidiesStopped: [], totalStopped: 0 } },
    });
  });

  it("the authority's decision recorded: who, which document, the outcome and the remedy", () => {
    given
      .when([
        {
          type: 'AuthorityDecisionRecorded',
          data: {
            applicationId: id,
            complaintId: null,
            authority: 'Комитет',
            documentNumber: '12-5/301',
            date: '2026-04-17',
            outcome: 'satisfied',
            remedy: 'include',
            recordedAt: '2026-04-20T05:00:00.000Z',
          },
        },
      ])
      .then([
        issueNotice({
          kind: 'authority-decision-recorded',
          data: {
            authority: 'Комитет',
            documentNumber: '12-5/301',
            documentDate: '2026-04-17',
            outcome: 'satisfied',
            remedy: 'include',
            recordedOn: '2026-04-20',
          },
        }),
      ]);
  });

  it('idempotent by construction: no event gives two notices of one kind, so the id derived from (cause, kind) is unique', () => {
    const histories: ApplicationEvent[][] = [
      [scheduled, proposed('quota')],
      [scheduled, proposed('review'), heard],
      [filed('refusal')],
      [filed('refusal'), satisfied('c-refusal')],
    ];
    for (const history of histories) {
      const kinds = tell(history)
        .filter((intent): intent is Extract<NoticeIntent, { kind: 'issue-notice' }> => intent.kind === 'issue-notice')
        .map((intent) => intent.content.kind);
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(kinds).toHaveLength(1);
    }
  });
});
