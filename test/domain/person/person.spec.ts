import { personDecider, personsOf, PersonError, type ClaimPerson, type PersonEvent } from '@domain/person';
import { deciderSpecification } from '@libs/testing';
import { APPLICANT_IIN, CHILD_IIN, kandasFamily, SPOUSE_IIN } from '../application/fixtures';

const spec = deciderSpecification(personDecider);
const A = '0b3e3c9e-6a59-4c55-9a1f-6f3c1d1b2a01';
const B = '0b3e3c9e-6a59-4c55-9a1f-6f3c1d1b2a02';
const CLAIMED_AT = '2026-03-02T05:00:00.000Z';
const FIFTEEN_MINUTES = 15 * 60_000;

const claim = (change: Partial<ClaimPerson> = {}): ClaimPerson => ({
  type: 'ClaimPerson',
  iin: APPLICANT_IIN,
  applicationId: B,
  role: 'applicant',
  field: 'applicant.iin',
  abandonAfterMs: FIFTEEN_MINUTES,
  at: '2026-03-02T05:05:00.000Z',
  ...change,
});
const claimedBy = (applicationId: string, role: 'applicant' | 'family-member' = 'family-member'): PersonEvent => ({
  type: 'PersonClaimed',
  data: {
    iin: APPLICANT_IIN,
    applicationId,
    role,
    field: role === 'applicant' ? 'applicant.iin' : 'familyMembers[0].iin',
    claimedAt: CLAIMED_AT,
  },
});
const includedThrough = (applicationId: string): PersonEvent => ({
  type: 'PersonIncluded',
  data: { iin: APPLICANT_IIN, applicationId, role: 'family-member', includedAt: '2026-03-10T06:00:00.000Z' },
});
/** What a claim by B, the applicant of the new submission, records at `at`. */
const claimedByB = (at: string): PersonEvent => ({
  type: 'PersonClaimed',
  data: { iin: APPLICANT_IIN, applicationId: B, role: 'applicant', field: 'applicant.iin', claimedAt: at },
});
const released = (applicationId: string, reason: string, releasedAt: string): PersonEvent =>
  ({ type: 'PersonReleased', data: { iin: APPLICANT_IIN, applicationId, reason, releasedAt } }) as PersonEvent;

describe('Person: one open application and one inclusion per person (ADR 16)', () => {
  it('a free person is claimed by the application that names them', () => {
    spec
      .given([])
      .when(claim())
      .then([claimedByB(claim().at)]);
  });

  it('a claim the application already holds is a retry: nothing new', () => {
    spec
      .given([claimedBy(B, 'applicant')])
      .when(claim())
      .thenNothingHappened();
  });

  it("a person on another open application is refused with 'PERSON.HAS_OPEN_APPLICATION', naming this submission's field and the other application", () => {
    spec
      .given([claimedBy(A)])
      .when(claim({ holder: 'open' }))
      .thenThrows({ code: 'PERSON.HAS_OPEN_APPLICATION' });
    spec
      .given([claimedBy(A)])
      .when(claim({ holder: 'open' }))
      .thenThrows(
        (error) =>
          error instanceof PersonError &&
          error.violations.length === 1 &&
          error.violations[0]!.field === 'applicant.iin' &&
          error.holding?.applicationId === A &&
          error.holding.role === 'family-member',
      );
  });

  it("a person included through another application is refused with 'PERSON.ALREADY_INCLUDED'", () => {
    spec
      .given([claimedBy(A), includedThrough(A)])
      .when(claim())
      .thenThrows({ code: 'PERSON.ALREADY_INCLUDED' });
  });

  it('a person whose holding application is included (its inclusion not yet recorded here) is refused as included', () => {
    spec
      .given([claimedBy(A)])
      .when(claim({ holder: 'included' }))
      .thenThrows({ code: 'PERSON.ALREADY_INCLUDED' });
  });

  it('a person whose holding application was refused or withdrawn meanwhile is released and claimed at once', () => {
    for (const [holder, reason] of [
      ['refused', 'application-refused'],
      ['withdrawn', 'application-withdrawn'],
    ] as const) {
      const command = claim({ holder });
      spec
        .given([claimedBy(A)])
        .when(command)
        .then([released(A, reason, command.at), claimedByB(command.at)]);
    }
  });

  it('a claim whose application never came to exist blocks the person during the grace period', () => {
    const command = claim({ holder: 'not-found', at: '2026-03-02T05:14:59.999Z' });
    spec
      .given([claimedBy(A)])
      .when(command)
      .thenThrows({ code: 'PERSON.HAS_OPEN_APPLICATION' });
  });

  it('…and is abandoned once the grace period is over: released, and the person claimed by the new application', () => {
    const command = claim({ holder: 'not-found', at: '2026-03-02T05:15:00.000Z' });
    spec
      .given([claimedBy(A)])
      .when(command)
      .then([released(A, 'claim-abandoned', command.at), claimedByB(command.at)]);
  });

  it('a released person may be claimed again', () => {
    spec
      .given([claimedBy(A), released(A, 'application-refused', '2026-03-05T05:00:00.000Z')])
      .when(claim())
      .then([claimedByB(claim().at)]);
  });

  it('only the holding application releases the person; any other release decides nothing', () => {
    const release = {
      type: 'ReleasePerson',
      iin: APPLICANT_IIN,
      reason: 'application-withdrawn',
      at: CLAIMED_AT,
    } as const;
    spec
      .given([claimedBy(A)])
      .when({ ...release, applicationId: A })
      .then([released(A, 'application-withdrawn', CLAIMED_AT)]);
    spec
      .given([claimedBy(A)])
      .when({ ...release, applicationId: B })
      .thenNothingHappened();
    spec
      .given([])
      .when({ ...release, applicationId: A })
      .thenNothingHappened();
    spec
      .given([claimedBy(A), includedThrough(A)])
      .when({ ...release, applicationId: A })
      .thenNothingHappened();
  });

  it('an inclusion is recorded once: again by the same application is nothing, by another is refused', () => {
    const record = {
      type: 'RecordPersonInclusion',
      iin: APPLICANT_IIN,
      role: 'family-member',
      at: '2026-03-10T06:00:00.000Z',
    } as const;
    spec
      .given([claimedBy(A)])
      .when({ ...record, applicationId: A })
      .then([includedThrough(A)]);
    spec
      .given([claimedBy(A), includedThrough(A)])
      .when({ ...record, applicationId: A })
      .thenNothingHappened();
    spec
      .given([claimedBy(A), includedThrough(A)])
      .when({ ...record, applicationId: B })
      .thenThrows({ code: 'PERSON.ALREADY_INCLUDED' });
  });

  it('data from before the Person aggregate: an application included without a claim is recorded, and ends the other claim', () => {
    const record = {
      type: 'RecordPersonInclusion',
      iin: APPLICANT_IIN,
      role: 'family-member',
      at: '2026-03-10T06:00:00.000Z',
    } as const;
    spec
      .given([claimedBy(B)])
      .when({ ...record, applicationId: A })
      .then([includedThrough(A)]);
    spec
      .given([claimedBy(B), includedThrough(A)])
      .when(claim({ applicationId: B }))
      .thenThrows({ code: 'PERSON.ALREADY_INCLUDED' });
  });

  it("a command naming no valid IIN is refused with 'PERSON.INVALID_COMMAND'", () => {
    spec
      .given([])
      .when(claim({ iin: '123456789012' }))
      .thenThrows({ code: 'PERSON.INVALID_COMMAND' });
  });
});

describe('the persons of a submission', () => {
  it('are the applicant and every family member with an IIN, sorted by IIN, each with role and field', () => {
    const submission = kandasFamily();
    expect(personsOf(submission)).toEqual(
      [
        { iin: APPLICANT_IIN, role: 'applicant', field: 'applicant.iin' },
        { iin: SPOUSE_IIN, role: 'family-member', field: 'familyMembers[0].iin' },
      ].sort((a, b) => a.iin.localeCompare(b.iin)),
    );
    const withChild = {
      ...submission,
      familyMembers: [...submission.familyMembers, { ...submission.familyMembers[1]!, iin: CHILD_IIN }],
    };
    expect(personsOf(withChild).map((p) => p.field)).toContain('familyMembers[2].iin');
  });
});

describe('a revoked inclusion frees its persons (ADR 32)', () => {
  const release = (reason: 'decision-revoked' | 'application-refused', applicationId = A) =>
    ({ type: 'ReleasePerson', iin: APPLICANT_IIN, applicationId, reason, at: '2026-04-01T05:00:00.000Z' }) as const;

  it('released with the reason "decision-revoked" by the application it was included through: free again', () => {
    const released: PersonEvent = {
      type: 'PersonReleased',
      data: {
        iin: APPLICANT_IIN,
        applicationId: A,
        reason: 'decision-revoked',
        releasedAt: '2026-04-01T05:00:00.000Z',
      },
    };
    spec
      .given([includedThrough(A)])
      .when(release('decision-revoked'))
      .then([released]);
    const free = [includedThrough(A), released].reduce(personDecider.evolve, personDecider.initialState());
    expect(personDecider.decide(claim(), free)).toMatchObject([{ type: 'PersonClaimed', data: { applicationId: B } }]);
  });

  it('an inclusion is not undone by any other release, nor by another application', () => {
    spec
      .given([includedThrough(A)])
      .when(release('application-refused'))
      .thenNothingHappened();
    spec
      .given([includedThrough(A)])
      .when(release('decision-revoked', B))
      .thenNothingHappened();
  });

  it('a revocation undoes an inclusion, never a claim: redelivered after the application claimed the person again, it frees nobody', () => {
    spec
      .given([claimedBy(A)])
      .when(release('decision-revoked'))
      .thenNothingHappened();
  });
});
