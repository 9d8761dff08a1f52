import type { ApplicationEvent, DecisionRevoked, HearingNoticeDeadline, RefusalProposed } from '@domain/application';
import type { ProposeRefusal } from '@domain/application/decisions/refusal-proposal';
import { APPLICATION_ID, DEADLINE, history, QUOTA } from './fixtures';

const id = APPLICATION_ID;

/** The notice deadline of the fixture's review (due 23 March): 3 working days before, at risk 1 earlier. */
export const NOTICE: HearingNoticeDeadline = {
  reviewDueOn: DEADLINE.dueOn,
  noticeDueOn: '2026-03-18',
  noticeDueBy: '2026-03-18T13:30:00.000Z',
  atRiskOn: '2026-03-17',
  atRiskAt: '2026-03-17T13:30:00.000Z',
  calendarVersion: '2026.1',
  termsVersion: '1',
};

/** Proposed on Tue 10 March, 11:00 in Astana: heard by Thu 12 March, 18:30. */
export const PROPOSED_AT = '2026-03-10T06:00:01.000Z';
export const HEARING = { way: 'video-call', heldByOn: '2026-03-12', heldBy: '2026-03-12T13:30:00.000Z' } as const;

export const propose = (overrides: Partial<ProposeRefusal> = {}): ProposeRefusal => ({
  type: 'ProposeRefusal',
  applicationId: id,
  at: PROPOSED_AT,
  source: 'review',
  proposedBy: 'review-process',
  grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
  explanation: 'Passport copy unreadable',
  hearing: HEARING,
  termsVersion: '1',
  ...overrides,
});

export const proposalData = (overrides: Partial<RefusalProposed['data']> = {}): RefusalProposed['data'] => ({
  applicationId: id,
  quota: QUOTA,
  grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
  groundsListVersion: '1',
  explanation: 'Passport copy unreadable',
  source: 'review',
  proposedBy: 'review-process',
  proposedAt: PROPOSED_AT,
  hearing: HEARING,
  noticeDueBy: NOTICE.noticeDueBy,
  noticeLate: false,
  termsVersion: '1',
  ...overrides,
});

const noticeScheduled = (): ApplicationEvent => ({
  type: 'HearingNoticeDeadlineScheduled',
  data: { applicationId: id, ...NOTICE, scheduledAt: '2026-03-02T05:10:01.000Z' },
});

/** The fixture histories with the notice deadline the process derives, and the hearing's steps. */
export const hearingHistory = {
  noticeScheduled: (): ApplicationEvent[] => [...history.scheduled(), noticeScheduled()],
  reviewed: (verdict: 'eligible' | 'not-eligible' = 'not-eligible'): ApplicationEvent[] => {
    const reviewed = history.reviewed(verdict);
    return [...reviewed.slice(0, 3), noticeScheduled(), ...reviewed.slice(3)];
  },
  proposed: (): ApplicationEvent[] => [...hearingHistory.reviewed(), { type: 'RefusalProposed', data: proposalData() }],
  heard: (): ApplicationEvent[] => [
    ...hearingHistory.proposed(),
    {
      type: 'HearingHeld',
      data: {
        applicationId: id,
        heardBy: 'officer-7',
        heldAt: '2026-03-11T06:00:00.000Z',
        attendance: 'attended',
        statement: 'The applicant brought a new passport copy',
        documentsAdded: [{ title: 'Passport copy', reference: 'doc-42' }],
        recordedAt: '2026-03-11T07:00:00.000Z',
      },
    },
  ],
  refused: (): ApplicationEvent[] => [
    ...hearingHistory.heard(),
    {
      type: 'ApplicationRefused',
      data: {
        applicationId: id,
        quota: QUOTA,
        grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
        groundsListVersion: '1',
        explanation: 'Passport copy unreadable',
        decision: { number: 'KR-2026-3F1C2A4E8B7D', date: '2026-03-13' },
        decidedAt: '2026-03-13T05:00:00.000Z',
        dueAt: DEADLINE.dueAt,
        late: false,
      },
    },
  ],
};

/** The fixture family's inclusion (3 persons, both subsidies granted) revoked on a complaint, back to review. */
export const revokedInclusionData = (overrides: Partial<DecisionRevoked['data']> = {}): DecisionRevoked['data'] => ({
  applicationId: id,
  quota: QUOTA,
  persons: 3,
  decision: { number: 'KQ-2026-3F1C2A4E8B7D', date: '2026-03-10' },
  revokedFrom: 'included',
  remedy: 'return-to-review',
  by: { kind: 'complaint', complaintId: 'c-1' },
  subsidiesStopped: [
    { kind: 'relocation', amount: 908_250, grantedAt: '2026-03-10T06:00:00.000Z' },
    { kind: 'rent', amount: 1_038_000, grantedAt: '2026-03-10T06:00:00.000Z' },
  ],
  revokedAt: '2026-03-30T05:00:00.000Z',
  ...overrides,
});
