import { ApplicationEvent, ApplicationSubmission, ScheduledDeadline } from '@domain/application';
// The edge's digest, by its file: the @libs/workflow barrel would load Nest into the domain specs.
import { applicationDigest } from '../../../libs/workflow/src/commands/application-digest';

export { applicationDigest };

/** Completes 11 digits into a valid IIN (FACTS.md check-digit rule), for building test data. */
export function validIin(first11: string): string {
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) => weights.reduce((s, w, i) => s + w * digits[i]!, 0) % 11;
  let check = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  if (check === 10) throw new Error(`${first11} has no valid IIN check digit`);
  return first11 + check;
}

let issued = 0;

/**
 * A valid IIN no other call in this test process gave: one person may be on one open application
 * only (ADR 16), so tests that submit several applications to one store give each its own persons.
 */
export function freshIin(): string {
  for (;;) {
    issued += 1;
    try {
      return validIin(`9${String(issued).padStart(10, '0')}`);
    } catch {
      // Both weightings give 10 for these 11 digits: no IIN has them, take the next number.
    }
  }
}

/** The submission with new persons: a fresh IIN for the applicant and every family member who has one. */
export function withFreshPersons(submission: ApplicationSubmission): ApplicationSubmission {
  return {
    ...submission,
    applicant: { ...submission.applicant, iin: freshIin() },
    familyMembers: submission.familyMembers.map((member) =>
      member.iin === undefined ? member : { ...member, iin: freshIin() },
    ),
  };
}

export const APPLICATION_ID = '3f1c2a4e-8b7d-4c1e-9a2f-0d5e6b7c8a91';
export const APPLICANT_IIN = validIin('85031540012');
export const SPOUSE_IIN = validIin('87072140023');
export const CHILD_IIN = validIin('12050950034');
const HASH = 'a'.repeat(64);

/** 2 March 2026, 10:00 in Astana (UTC+5). */
export const SUBMITTED_AT = '2026-03-02T05:00:00.000Z';

/** A married kandas with a spouse and a child, moving to Pavlodar: a complete, valid package. */
export function kandasFamily(): ApplicationSubmission {
  return {
    channel: 'egov-portal',
    consent: { given: true, givenAt: '2026-03-02T04:55:00.000Z' },
    region: 'pavlodar',
    year: 2026,
    settlement: { kind: 'town', name: 'Ekibastuz' },
    applicant: {
      iin: APPLICANT_IIN,
      name: { lastName: 'Нұрланұлы', firstName: 'Ержан', patronymic: 'Серікұлы' },
      nameLatin: { lastName: 'Nurlanuly', firstName: 'Yerzhan' },
      birthDate: '1985-03-15',
      category: 'kandas',
      kandasStatus: { certificateNumber: 'KS-2025-104233', issuedOn: '2025-11-20' },
      maritalStatus: 'married',
      contacts: { phone: '+77011234567', email: 'yerzhan@example.kz' },
    },
    familyMembers: [
      {
        relation: 'spouse',
        name: { lastName: 'Сапарова', firstName: 'Айгүл' },
        birthDate: '1987-07-21',
        iin: SPOUSE_IIN,
      },
      {
        relation: 'child',
        name: { lastName: 'Ержанқызы', firstName: 'Аружан' },
        birthDate: '2012-05-09',
        foreignDocument: { kind: 'birth certificate', number: 'MN-778812', issuingCountry: 'MNG' },
      },
    ],
    documents: [
      {
        kind: 'passport-copy',
        fileRef: 'files/passport.pdf',
        sha256: HASH,
        issuedOn: '2020-01-10',
        expiresOn: '2030-01-09',
      },
      { kind: 'notarised-translation-kk', fileRef: 'files/passport-kk.pdf', sha256: HASH, issuedOn: '2026-02-20' },
      { kind: 'notarised-translation-ru', fileRef: 'files/passport-ru.pdf', sha256: HASH, issuedOn: '2026-02-20' },
      { kind: 'marriage-certificate', fileRef: 'files/marriage.pdf', sha256: HASH, issuedOn: '2010-06-01' },
      { kind: 'education', fileRef: 'files/diploma.pdf', sha256: HASH, issuedOn: '2007-06-30' },
    ],
  };
}

/** The quota the fixture family counts against. */
export const QUOTA = { region: 'pavlodar' as const, year: 2026, category: 'kandas' as const };

export const DEADLINE: ScheduledDeadline = {
  acceptedOn: '2026-03-02',
  dueOn: '2026-03-23',
  dueAt: '2026-03-23T13:30:00.000Z',
  atRiskOn: '2026-03-18',
  atRiskAt: '2026-03-18T13:30:00.000Z',
  calendarVersion: '2026.1',
  calendarProvisional: false,
};

const id = APPLICATION_ID;
const submission = kandasFamily();

/** What the edge computes for `kandasFamily()` and the applicant signs. */
export const SUBMISSION_DIGEST = applicationDigest(submission);

/** The events of a history up to a step, so each spec states only what it is about. */
export const history = {
  submitted: (): ApplicationEvent[] => [
    {
      type: 'ApplicationSubmitted',
      data: {
        applicationId: id,
        submission,
        digest: SUBMISSION_DIGEST,
        submissionVersion: 2,
        documentPolicyVersion: '2026.1',
        submittedAt: SUBMITTED_AT,
      },
    },
  ],
  signed: (): ApplicationEvent[] => [
    ...history.submitted(),
    {
      type: 'ApplicationSigned',
      data: {
        applicationId: id,
        method: 'otp',
        signerIin: APPLICANT_IIN,
        digest: SUBMISSION_DIGEST,
        evidence: { otpRequestId: 'otp-1' },
        signedAt: '2026-03-02T05:10:00.000Z',
      },
    },
  ],
  scheduled: (): ApplicationEvent[] => [
    ...history.signed(),
    { type: 'ReviewDeadlineScheduled', data: { applicationId: id, ...DEADLINE } },
  ],
  underReview: (reviewerId = 'reviewer-1'): ApplicationEvent[] => [
    ...history.scheduled(),
    { type: 'ReviewStarted', data: { applicationId: id, reviewerId, startedAt: '2026-03-03T04:00:00.000Z' } },
  ],
  reviewed: (verdict: 'eligible' | 'not-eligible' = 'eligible'): ApplicationEvent[] => [
    ...history.underReview(),
    {
      type: 'ApplicationReviewed',
      data: {
        applicationId: id,
        quota: QUOTA,
        persons: 3,
        reviewerId: 'reviewer-1',
        verdict,
        findings: submission.documents.map((_, documentIndex) => ({
          documentIndex,
          accepted: verdict === 'eligible' || documentIndex !== 0,
        })),
        grounds: verdict === 'eligible' ? [] : ['INVALID_OR_EXPIRED_DOCUMENTS'],
        groundsListVersion: '1',
        reviewedAt: '2026-03-10T06:00:00.000Z',
      },
    },
  ],
  included: (): ApplicationEvent[] => [
    ...history.reviewed('eligible'),
    {
      type: 'ApplicationIncluded',
      data: {
        applicationId: id,
        region: 'pavlodar',
        year: 2026,
        category: 'kandas',
        persons: 3,
        decision: { number: 'KQ-2026-000001', date: '2026-03-10' },
        decidedAt: '2026-03-10T06:00:01.000Z',
        dueAt: DEADLINE.dueAt,
        late: false,
      },
    },
  ],
  refused: (): ApplicationEvent[] => [
    ...history.reviewed('not-eligible'),
    {
      type: 'ApplicationRefused',
      data: {
        applicationId: id,
        quota: QUOTA,
        grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
        groundsListVersion: '1',
        explanation: 'Passport copy unreadable',
        decision: { number: 'KQ-2026-000002', date: '2026-03-10' },
        decidedAt: '2026-03-10T06:00:01.000Z',
        dueAt: DEADLINE.dueAt,
        late: false,
      },
    },
  ],
  withdrawn: (): ApplicationEvent[] => [
    ...history.signed(),
    {
      type: 'ApplicationWithdrawn',
      data: { applicationId: id, quota: QUOTA, reason: 'Family stays', withdrawnAt: '2026-03-04T05:00:00.000Z' },
    },
  ],
  breached: (): ApplicationEvent[] => [
    ...history.underReview(),
    {
      type: 'ReviewSlaAtRisk',
      data: { applicationId: id, atRiskAt: DEADLINE.atRiskAt, dueAt: DEADLINE.dueAt, flaggedAt: DEADLINE.atRiskAt },
    },
    { type: 'ReviewSlaBreached', data: { applicationId: id, dueAt: DEADLINE.dueAt, breachedAt: DEADLINE.dueAt } },
  ],
};
