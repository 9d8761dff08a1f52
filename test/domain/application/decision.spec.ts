import { applicationDecider } from '@domain/application';
import type { IncludeInQuota, RefuseApplication } from '@domain/application/decisions/decide-outcome';
import { deciderSpecification } from '@libs/testing';
import { APPLICATION_ID, DEADLINE, history, QUOTA } from './fixtures';

const spec = deciderSpecification(applicationDecider);
const ON_TIME = '2026-03-10T06:00:01.000Z';
const LATE = '2026-03-24T04:00:00.000Z';
const include = (overrides: Partial<IncludeInQuota> = {}): IncludeInQuota => ({
  type: 'IncludeInQuota',
  applicationId: APPLICATION_ID,
  at: ON_TIME,
  persons: 3,
  decision: { number: 'KQ-2026-000001', date: '2026-03-10' },
  ...overrides,
});
const refuse = (overrides: Partial<RefuseApplication> = {}): RefuseApplication => ({
  type: 'RefuseApplication',
  applicationId: APPLICATION_ID,
  at: ON_TIME,
  grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
  explanation: 'The passport copy is expired',
  decision: { number: 'KQ-2026-000002', date: '2026-03-10' },
  ...overrides,
});

describe('IncludeInQuota', () => {
  it('includes an application reviewed as eligible, counting the applicant and every family member', () => {
    spec
      .given(history.reviewed('eligible'))
      .when(include())
      .then([
        {
          type: 'ApplicationIncluded',
          data: {
            applicationId: APPLICATION_ID,
            region: 'pavlodar',
            year: 2026,
            category: 'kandas',
            persons: 3,
            decision: { number: 'KQ-2026-000001', date: '2026-03-10' },
            decidedAt: ON_TIME,
            dueAt: DEADLINE.dueAt,
            late: false,
          },
        },
      ]);
  });

  it('records that a decision after the due instant was late', () => {
    spec
      .given(history.reviewed('eligible'))
      .when(include({ at: LATE, decision: { number: 'KQ-2026-000001', date: '2026-03-24' } }))
      .then([
        {
          type: 'ApplicationIncluded',
          data: {
            applicationId: APPLICATION_ID,
            region: 'pavlodar',
            year: 2026,
            category: 'kandas',
            persons: 3,
            decision: { number: 'KQ-2026-000001', date: '2026-03-24' },
            decidedAt: LATE,
            dueAt: DEADLINE.dueAt,
            late: true,
          },
        },
      ]);
  });

  it('refuses inclusion without an eligible review', () => {
    spec
      .given(history.reviewed('not-eligible'))
      .when(include())
      .thenThrows({ code: 'APPLICATION.NOT_REVIEWED_ELIGIBLE' });
    spec.given(history.underReview()).when(include()).thenThrows({ code: 'APPLICATION.NOT_REVIEWED_ELIGIBLE' });
    spec.given(history.signed()).when(include()).thenThrows({ code: 'APPLICATION.NOT_REVIEWED_ELIGIBLE' });
  });

  it('refuses a count of persons other than the family moving', () => {
    spec
      .given(history.reviewed('eligible'))
      .when(include({ persons: 2 }))
      .thenThrows({ code: 'APPLICATION.PERSONS_MISMATCH' });
  });

  it('refuses a decision without a number or a valid date', () => {
    spec
      .given(history.reviewed('eligible'))
      .when(include({ decision: { number: '', date: '2026-03-10' } }))
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
    spec
      .given(history.reviewed('eligible'))
      .when(include({ decision: { number: 'KQ-1', date: '10.03.2026' } }))
      .thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
  });

  it('takes one decision only', () => {
    spec.given(history.included()).when(include()).thenThrows({ code: 'APPLICATION.ALREADY_DECIDED' });
    spec.given(history.refused()).when(include()).thenThrows({ code: 'APPLICATION.ALREADY_DECIDED' });
    spec.given(history.withdrawn()).when(include()).thenThrows({ code: 'APPLICATION.WITHDRAWN' });
  });
});

describe('RefuseApplication', () => {
  it('refuses with coded grounds of the versioned list and an explanation', () => {
    spec
      .given(history.reviewed('not-eligible'))
      .when(refuse())
      .then([
        {
          type: 'ApplicationRefused',
          data: {
            applicationId: APPLICATION_ID,
            quota: QUOTA,
            grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
            groundsListVersion: '1',
            explanation: 'The passport copy is expired',
            decision: { number: 'KQ-2026-000002', date: '2026-03-10' },
            decidedAt: ON_TIME,
            dueAt: DEADLINE.dueAt,
            late: false,
          },
        },
      ]);
  });

  it('lets a supervisor refuse an escalated application under review, late', () => {
    spec
      .given(history.breached())
      .when(refuse({ at: LATE, grounds: ['APPLICANT_NOT_ELIGIBLE', 'APPLICANT_NOT_ELIGIBLE'] }))
      .then([
        {
          type: 'ApplicationRefused',
          data: {
            applicationId: APPLICATION_ID,
            quota: QUOTA,
            grounds: ['APPLICANT_NOT_ELIGIBLE'],
            groundsListVersion: '1',
            explanation: 'The passport copy is expired',
            decision: { number: 'KQ-2026-000002', date: '2026-03-10' },
            decidedAt: LATE,
            dueAt: DEADLINE.dueAt,
            late: true,
          },
        },
      ]);
  });

  it('refuses an eligible application only because the quota is exhausted', () => {
    spec
      .given(history.reviewed('eligible'))
      .when(
        refuse({
          grounds: ['QUOTA_EXHAUSTED'],
          explanation: 'Pavlodar 2026 kandas quota has 1 seat left, the family counts 3',
        }),
      )
      .then([
        {
          type: 'ApplicationRefused',
          data: {
            applicationId: APPLICATION_ID,
            quota: QUOTA,
            grounds: ['QUOTA_EXHAUSTED'],
            groundsListVersion: '1',
            explanation: 'Pavlodar 2026 kandas quota has 1 seat left, the family counts 3',
            decision: { number: 'KQ-2026-000002', date: '2026-03-10' },
            decidedAt: ON_TIME,
            dueAt: DEADLINE.dueAt,
            late: false,
          },
        },
      ]);
    spec
      .given(history.reviewed('eligible'))
      .when(refuse())
      .thenThrows({ code: 'APPLICATION.REFUSAL_CONTRADICTS_REVIEW' });
  });

  it('refuses an eligible application on DUPLICATE_OR_SUPPORT_RECEIVED: a person already included is no judgment of the reviewer (ADR 16)', () => {
    const [refused] = applicationDecider.decide(
      refuse({ grounds: ['DUPLICATE_OR_SUPPORT_RECEIVED'], explanation: 'Already included: applicant.iin' }),
      history.reviewed('eligible').reduce(applicationDecider.evolve, applicationDecider.initialState()),
    );
    expect(refused).toMatchObject({ type: 'ApplicationRefused', data: { grounds: ['DUPLICATE_OR_SUPPORT_RECEIVED'] } });
  });

  it('refuses a refusal without grounds, with an unknown ground, or without an explanation', () => {
    spec
      .given(history.reviewed('not-eligible'))
      .when(refuse({ grounds: [] }))
      .thenThrows({ code: 'APPLICATION.INVALID_REFUSAL' });
    spec
      .given(history.reviewed('not-eligible'))
      .when(refuse({ grounds: ['NO_REASON'] }))
      .thenThrows({ code: 'APPLICATION.INVALID_REFUSAL' });
    spec
      .given(history.reviewed('not-eligible'))
      .when(refuse({ explanation: '  ' }))
      .thenThrows({ code: 'APPLICATION.INVALID_REFUSAL' });
  });

  it('takes one decision only, and none on an unsigned or withdrawn application', () => {
    spec.given(history.refused()).when(refuse()).thenThrows({ code: 'APPLICATION.ALREADY_DECIDED' });
    spec.given(history.included()).when(refuse()).thenThrows({ code: 'APPLICATION.ALREADY_DECIDED' });
    spec.given(history.submitted()).when(refuse()).thenThrows({ code: 'APPLICATION.NOT_SIGNED' });
    spec.given(history.withdrawn()).when(refuse()).thenThrows({ code: 'APPLICATION.WITHDRAWN' });
    spec.given([]).when(refuse()).thenThrows({ code: 'APPLICATION.NOT_SUBMITTED' });
  });
});
