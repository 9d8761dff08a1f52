import { applicationDecider, ApplicationSubmission } from '@domain/application';
import type { SubmitApplication } from '@domain/application/decisions/submit';
import { deciderSpecification } from '@libs/testing';
import {
  APPLICATION_ID,
  APPLICANT_IIN,
  applicationDigest,
  history,
  kandasFamily,
  SUBMISSION_DIGEST,
  SUBMITTED_AT,
  validIin,
} from './fixtures';

const spec = deciderSpecification(applicationDecider);

function submitting(
  change: (s: ApplicationSubmission) => ApplicationSubmission = (s) => s,
  overrides: Partial<SubmitApplication> = {},
): SubmitApplication {
  const submission = change(kandasFamily());
  // The digest is the edge's to compute (node:crypto); the spec passes it in as the edge would.
  return {
    type: 'SubmitApplication',
    applicationId: APPLICATION_ID,
    at: SUBMITTED_AT,
    submission,
    regionHasQuota: true,
    ...overrides,
    digest: overrides.digest ?? applicationDigest(submission),
  };
}

/** The violations a submission is refused with, as "field: reason". */
function violationsOf(command: SubmitApplication): string[] {
  try {
    applicationDecider.decide(command, applicationDecider.initialState());
  } catch (error) {
    return ((error as { violations: { field: string; reason: string }[] }).violations ?? []).map(
      (v) => `${v.field}: ${v.reason}`,
    );
  }
  return [];
}

const withDocs = (s: ApplicationSubmission, keep: (kind: string) => boolean): ApplicationSubmission => ({
  ...s,
  documents: s.documents.filter((d) => keep(d.kind)),
});

describe('SubmitApplication', () => {
  it('records a complete package as ApplicationSubmitted, with the digest the command carries (the one the applicant will sign)', () => {
    const submission = kandasFamily();
    spec
      .given([])
      .when(submitting())
      .then([
        {
          type: 'ApplicationSubmitted',
          data: {
            applicationId: APPLICATION_ID,
            submission,
            digest: SUBMISSION_DIGEST,
            submissionVersion: 2,
            documentPolicyVersion: '2026.1',
            submittedAt: SUBMITTED_AT,
          },
        },
      ]);
  });

  it.each(['', 'A'.repeat(64), 'a'.repeat(63), 'not a digest'])(
    'refuses a command whose digest is not SHA-256 hex (%j) with APPLICATION.INVALID_COMMAND',
    (digest) => {
      spec.given([]).when(submitting(undefined, { digest })).thenThrows({ code: 'APPLICATION.INVALID_COMMAND' });
    },
  );

  it('refuses a second submission of the same application', () => {
    spec.given(history.submitted()).when(submitting()).thenThrows({ code: 'APPLICATION.ALREADY_SUBMITTED' });
  });

  it('refuses an invalid package with APPLICATION.INVALID_SUBMISSION, naming every field at fault at once', () => {
    const command = submitting((s) => ({ ...s, consent: { ...s.consent, given: false }, documents: [] }));
    spec.given([]).when(command).thenThrows({ code: 'APPLICATION.INVALID_SUBMISSION' });
    expect(violationsOf(command)).toHaveLength(1 + 4 + 1);
  });

  it('refuses a region that receives no quota for the category that year, naming the field', () => {
    spec
      .given([])
      .when(submitting(undefined, { regionHasQuota: false }))
      .thenThrows({ code: 'APPLICATION.REGION_HAS_NO_QUOTA' });
  });

  it('refuses a package without consent to the use of personal data', () => {
    expect(violationsOf(submitting((s) => ({ ...s, consent: { given: false, givenAt: s.consent.givenAt } })))).toEqual([
      'consent.given: consent to the use of personal data must be given',
    ]);
    expect(
      violationsOf(submitting((s) => ({ ...s, consent: { given: true, givenAt: '2026-03-02T06:00:00.000Z' } }))),
    ).toEqual(['consent.givenAt: must not be after the submission']);
  });

  it.each([
    ['passport-copy', 'documents: a passport-copy document is required'],
    ['notarised-translation-kk', 'documents: a notarised-translation-kk document is required'],
    ['notarised-translation-ru', 'documents: a notarised-translation-ru document is required'],
    ['education', 'documents: a education document is required'],
    ['marriage-certificate', 'documents: a marriage-certificate document is required'],
  ])('refuses a package without its %s, naming the field', (missing, violation) => {
    expect(violationsOf(submitting((s) => withDocs(s, (kind) => kind !== missing)))).toEqual([violation]);
  });

  it('refuses an expired document and a passport copy without its expiry date', () => {
    const expired = submitting((s) => ({
      ...s,
      documents: s.documents.map((d, i) => (i === 0 ? { ...d, expiresOn: '2026-03-01' } : d)),
    }));
    expect(violationsOf(expired)).toEqual(['documents[0].expiresOn: the document has expired']);
    const noExpiry = submitting((s) => ({
      ...s,
      documents: s.documents.map((d, i) => (i === 0 ? { ...d, expiresOn: undefined } : d)),
    }));
    expect(violationsOf(noExpiry)).toEqual(['documents[0].expiresOn: is required for this kind of document']);
  });

  it('refuses a document of an unknown kind, without a file reference or without a SHA-256', () => {
    const bad = submitting((s) => ({
      ...s,
      documents: [...s.documents, { kind: 'selfie' as never, fileRef: ' ', sha256: 'XYZ' }],
    }));
    expect(violationsOf(bad)).toEqual([
      'documents[5].kind: is not a known document kind',
      'documents[5].fileRef: is required',
      'documents[5].sha256: must be a SHA-256 digest in lower-case hex',
    ]);
  });

  it('asks a recent divorce for its certificate, and not a divorce older than 36 months', () => {
    const divorced = (divorcedOn: string) =>
      submitting((s) =>
        withDocs(
          {
            ...s,
            applicant: { ...s.applicant, maritalStatus: 'divorced', divorcedOn },
            familyMembers: s.familyMembers.filter((m) => m.relation !== 'spouse'),
          },
          (k) => k !== 'marriage-certificate',
        ),
      );
    expect(violationsOf(divorced('2024-05-01'))).toEqual(['documents: a divorce-certificate document is required']);
    expect(violationsOf(divorced('2022-05-01'))).toEqual([]);
  });

  it('refuses an IIN whose check digit does not match, for the applicant and for a family member', () => {
    const wrong = APPLICANT_IIN.slice(0, 11) + ((Number(APPLICANT_IIN[11]) + 1) % 10);
    const command = submitting((s) => ({
      ...s,
      applicant: { ...s.applicant, iin: wrong },
      familyMembers: [{ ...s.familyMembers[0]!, iin: '12345' }, s.familyMembers[1]!],
    }));
    expect(violationsOf(command)).toEqual([
      'applicant.iin: checksum does not match',
      'familyMembers[0].iin: not 12 digits',
    ]);
  });

  it('accepts names in Kazakh Cyrillic, Russian Cyrillic and Latin letters, and refuses digits or mixed scripts', () => {
    const named = (lastName: string, firstName: string) =>
      submitting((s) => ({ ...s, applicant: { ...s.applicant, name: { lastName, firstName } } }));
    expect(violationsOf(named('Әбілқайырова', 'Гүлнұр'))).toEqual([]);
    expect(violationsOf(named('Иванов-Петров', 'Алексей'))).toEqual([]);
    expect(violationsOf(named("O'Brien", 'Äsel'))).toEqual([]);
    expect(violationsOf(named('Ivanov2', 'Аsel'))).toEqual([
      'applicant.name.lastName: must be written in Kazakh or Russian Cyrillic letters or in Latin letters',
      'applicant.name.firstName: must be written in Kazakh or Russian Cyrillic letters or in Latin letters',
    ]);
  });

  it('refuses birth dates in the future and dates that are not dates', () => {
    const command = submitting((s) => ({
      ...s,
      applicant: { ...s.applicant, birthDate: '2026-03-03' },
      familyMembers: [{ ...s.familyMembers[0]!, birthDate: '1987-02-30' }, s.familyMembers[1]!],
    }));
    expect(violationsOf(command)).toEqual([
      'applicant.birthDate: must not be in the future',
      'familyMembers[0].birthDate: must be a date (yyyy-MM-dd)',
    ]);
  });

  it('asks a kandas for the kandas-status reference', () => {
    expect(violationsOf(submitting((s) => ({ ...s, applicant: { ...s.applicant, kandasStatus: undefined } })))).toEqual(
      ['applicant.kandasStatus: a kandas applies with the reference of the kandas status'],
    );
  });

  describe('a resettler', () => {
    const resettler = (origin: object | undefined) =>
      submitting((s) => ({
        ...s,
        applicant: { ...s.applicant, category: 'resettler', kandasStatus: undefined, resettler: origin as never },
      }));
    const origin = {
      originRegion: 'turkistan',
      permanentRegistrationSince: '2020-04-01',
      careerCentre: { name: 'Career centre of Shymkent', registrationNumber: 'CC-5512', registeredOn: '2026-01-15' },
    };

    it('is accepted with a region of origin, a year of registration there and a career-centre registration', () => {
      expect(violationsOf(resettler(origin))).toEqual([]);
    });

    it('is refused without them, with a receiving region equal to the origin, or with less than a year of registration', () => {
      expect(violationsOf(resettler(undefined))).toEqual([
        'applicant.resettler: a resettler gives the region of origin and the career-centre registration',
      ]);
      expect(violationsOf(resettler({ ...origin, originRegion: 'pavlodar' }))).toEqual([
        'applicant.resettler.originRegion: must differ from the receiving region',
      ]);
      expect(violationsOf(resettler({ ...origin, permanentRegistrationSince: '2025-06-01' }))).toEqual([
        'applicant.resettler.permanentRegistrationSince: needs at least 1 year of permanent registration in the region of origin',
      ]);
      expect(violationsOf(resettler({ ...origin, careerCentre: undefined }))).toEqual([
        'applicant.resettler.careerCentre: registration as a job seeker at a career centre is required',
      ]);
    });
  });

  it('refuses a family member with neither an IIN nor a foreign document, a repeated IIN, and a second spouse', () => {
    const command = submitting((s) => ({
      ...s,
      familyMembers: [
        ...s.familyMembers,
        { relation: 'child', name: { lastName: 'Ержанұлы', firstName: 'Дамир' }, birthDate: '2015-01-01' },
        {
          relation: 'spouse',
          name: { lastName: 'Ахметова', firstName: 'Дана' },
          birthDate: '1990-01-01',
          iin: s.familyMembers[0]!.iin,
        },
      ],
    }));
    expect(violationsOf(command)).toEqual([
      'familyMembers[2].iin: an IIN or a foreign identity document is required',
      'familyMembers[3].iin: appears twice in the application',
      'familyMembers: lists more than one spouse',
    ]);
  });

  it('refuses a spouse moving with an applicant who is not married', () => {
    expect(
      violationsOf(
        submitting((s) => withDocs({ ...s, applicant: { ...s.applicant, maritalStatus: 'single' } }, () => true)),
      ),
    ).toEqual(['applicant.maritalStatus: must be married when a spouse moves with the applicant']);
  });

  it('refuses an unknown region, a quota year that is neither this year nor the next, an unknown settlement kind, channel and a bad phone', () => {
    const command = submitting((s) => ({
      ...s,
      region: 'atlantis' as never,
      year: 2024,
      settlement: { kind: 'megapolis' as never },
      channel: 'fax' as never,
      applicant: { ...s.applicant, contacts: { phone: '8 701 123', email: 'not-an-email' } },
    }));
    expect(violationsOf(command)).toEqual([
      'channel: must be one of egov-portal, egov-mobile, con, enbek',
      'region: is not a region of Kazakhstan',
      'year: must be 2026 or 2027',
      'settlement.kind: must be one of city, town, village',
      'applicant.contacts.phone: must be an international number, e.g. +77011234567',
      'applicant.contacts.email: is not an e-mail address',
    ]);
  });

  it('accepts a person moving alone, without any family member', () => {
    const alone = submitting((s) =>
      withDocs(
        {
          ...s,
          applicant: { ...s.applicant, maritalStatus: 'single', iin: validIin('90010140015') },
          familyMembers: [],
        },
        (k) => k !== 'marriage-certificate',
      ),
    );
    expect(violationsOf(alone)).toEqual([]);
  });
});
