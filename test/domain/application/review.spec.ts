import { applicationDecider } from '@domain/application';
import type { ReassignReview, RecordReview, StartReview } from '@domain/application/decisions/review';
import { deciderSpecification } from '@libs/testing';
import { APPLICATION_ID, history, QUOTA } from './fixtures';

const spec = deciderSpecification(applicationDecider);
const fold = (events: ReturnType<typeof history.underReview>) =>
  events.reduce(applicationDecider.evolve, applicationDecider.initialState());
const AT = '2026-03-05T06:00:00.000Z';
const start = (reviewerId = 'reviewer-1'): StartReview => ({
  type: 'StartReview',
  applicationId: APPLICATION_ID,
  at: AT,
  reviewerId,
});
const reassign = (toReviewerId = 'reviewer-2', reason = 'reviewer on leave'): ReassignReview => ({
  type: 'ReassignReview',
  applicationId: APPLICATION_ID,
  at: AT,
  toReviewerId,
  reason,
});
const allAccepted = [0, 1, 2, 3, 4].map((documentIndex) => ({ documentIndex, accepted: true }));
const record = (overrides: Partial<RecordReview> = {}): RecordReview => ({
  type: 'RecordReview',
  applicationId: APPLICATION_ID,
  at: AT,
  reviewerId: 'reviewer-1',
  verdict: 'eligible',
  findings: allAccepted,
  grounds: [],
  ...overrides,
});

describe('StartReview', () => {
  it('assigns a signed application to its reviewer', () => {
    spec
      .given(history.signed())
      .when(start())
      .then([
        { type: 'ReviewStarted', data: { applicationId: APPLICATION_ID, reviewerId: 'reviewer-1', startedAt: AT } },
      ]);
  });

  it('does nothing when the same reviewer starts again', () => {
    spec.given(history.underReview('reviewer-1')).when(start('reviewer-1')).thenNothingHappened();
  });

  it('refuses a second reviewer, a review before signing, after the review and after the decision', () => {
    spec
      .given(history.underReview('reviewer-1'))
      .when(start('reviewer-2'))
      .thenThrows({ code: 'APPLICATION.REVIEW_ALREADY_STARTED' });
    spec.given(history.submitted()).when(start()).thenThrows({ code: 'APPLICATION.NOT_SIGNED' });
    spec.given([]).when(start()).thenThrows({ code: 'APPLICATION.NOT_SUBMITTED' });
    spec.given(history.reviewed()).when(start()).thenThrows({ code: 'APPLICATION.ALREADY_REVIEWED' });
    spec.given(history.refused()).when(start()).thenThrows({ code: 'APPLICATION.ALREADY_DECIDED' });
    spec.given(history.withdrawn()).when(start()).thenThrows({ code: 'APPLICATION.WITHDRAWN' });
  });

  it('refuses a blank reviewer', () => {
    spec.given(history.signed()).when(start(' ')).thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
  });
});

describe('ReassignReview', () => {
  it('lets a supervisor hand the review to another reviewer, with the reason', () => {
    spec
      .given(history.breached())
      .when(reassign())
      .then([
        {
          type: 'ReviewReassigned',
          data: {
            applicationId: APPLICATION_ID,
            fromReviewerId: 'reviewer-1',
            toReviewerId: 'reviewer-2',
            reason: 'reviewer on leave',
            reassignedAt: AT,
          },
        },
      ]);
    spec
      .given(history.signed())
      .when(reassign())
      .then([
        {
          type: 'ReviewReassigned',
          data: {
            applicationId: APPLICATION_ID,
            fromReviewerId: null,
            toReviewerId: 'reviewer-2',
            reason: 'reviewer on leave',
            reassignedAt: AT,
          },
        },
      ]);
  });

  it('does nothing when the review already is with that reviewer', () => {
    spec.given(history.underReview('reviewer-2')).when(reassign('reviewer-2')).thenNothingHappened();
  });

  it('refuses without a reason, before signing, after the review and after the decision', () => {
    spec
      .given(history.underReview())
      .when(reassign('reviewer-2', ''))
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
    spec.given(history.submitted()).when(reassign()).thenThrows({ code: 'APPLICATION.NOT_SIGNED' });
    spec.given(history.reviewed()).when(reassign()).thenThrows({ code: 'APPLICATION.ALREADY_REVIEWED' });
    spec.given(history.included()).when(reassign()).thenThrows({ code: 'APPLICATION.ALREADY_DECIDED' });
  });
});

describe('RecordReview', () => {
  it('records an eligible verdict that accepts every document', () => {
    spec
      .given(history.underReview())
      .when(record({ comment: 'All in order' }))
      .then([
        {
          type: 'ApplicationReviewed',
          data: {
            applicationId: APPLICATION_ID,
            quota: QUOTA,
            persons: 3,
            reviewerId: 'reviewer-1',
            verdict: 'eligible',
            findings: allAccepted,
            grounds: [],
            groundsListVersion: '1',
            comment: 'All in order',
            reviewedAt: AT,
          },
        },
      ]);
  });

  it('records the persons the handler found included through another application, and nothing when it found none (ADR 16)', () => {
    const personsIncludedElsewhere = [
      { field: 'familyMembers[0].iin', iin: '870721400235', includedThrough: 'aa1c2a4e-8b7d-4c1e-9a2f-0d5e6b7c8a91' },
    ];
    spec
      .given(history.underReview())
      .when(record({ personsIncludedElsewhere }))
      .then([
        {
          type: 'ApplicationReviewed',
          data: {
            applicationId: APPLICATION_ID,
            quota: QUOTA,
            persons: 3,
            reviewerId: 'reviewer-1',
            verdict: 'eligible',
            findings: allAccepted,
            grounds: [],
            groundsListVersion: '1',
            personsIncludedElsewhere,
            reviewedAt: AT,
          },
        },
      ]);
    const [reviewed] = applicationDecider.decide(record({ personsIncludedElsewhere: [] }), fold(history.underReview()));
    expect(reviewed!.data).not.toHaveProperty('personsIncludedElsewhere');
  });

  it('records a not-eligible verdict with its coded grounds', () => {
    const findings = allAccepted.map((f) => (f.documentIndex === 0 ? { ...f, accepted: false, note: 'expired' } : f));
    spec
      .given(history.underReview())
      .when(record({ verdict: 'not-eligible', findings, grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'] }))
      .then([
        {
          type: 'ApplicationReviewed',
          data: {
            applicationId: APPLICATION_ID,
            quota: QUOTA,
            persons: 3,
            reviewerId: 'reviewer-1',
            verdict: 'not-eligible',
            findings,
            grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
            groundsListVersion: '1',
            reviewedAt: AT,
          },
        },
      ]);
  });

  it('refuses a review before it was started, before signing, twice, or by another reviewer', () => {
    spec.given(history.signed()).when(record()).thenThrows({ code: 'APPLICATION.REVIEW_NOT_STARTED' });
    spec.given(history.submitted()).when(record()).thenThrows({ code: 'APPLICATION.NOT_SIGNED' });
    spec.given(history.reviewed()).when(record()).thenThrows({ code: 'APPLICATION.ALREADY_REVIEWED' });
    spec
      .given(history.underReview('reviewer-1'))
      .when(record({ reviewerId: 'reviewer-9' }))
      .thenThrows({ code: 'APPLICATION.NOT_ASSIGNED_REVIEWER' });
    spec.given(history.withdrawn()).when(record()).thenThrows({ code: 'APPLICATION.WITHDRAWN' });
  });

  it.each([
    ['a document without a finding', { findings: allAccepted.slice(1) }],
    ['a document judged twice', { findings: [...allAccepted, { documentIndex: 0, accepted: true }] }],
    [
      'a finding for a document that does not exist',
      { findings: [...allAccepted, { documentIndex: 9, accepted: true }] },
    ],
    [
      'an eligible verdict that rejects a document',
      { findings: allAccepted.map((f) => ({ ...f, accepted: f.documentIndex !== 2 })) },
    ],
    ['an eligible verdict with a refusal ground', { grounds: ['OTHER'] }],
    ['a not-eligible verdict without a ground', { verdict: 'not-eligible' as const }],
    ['a ground that is not on the list', { verdict: 'not-eligible' as const, grounds: ['BAD_MOOD'] }],
    ['an unknown verdict', { verdict: 'maybe' as never }],
  ])('refuses %s', (_, overrides) => {
    spec.given(history.underReview()).when(record(overrides)).thenThrows({ code: 'APPLICATION.INVALID_REVIEW' });
  });
});
