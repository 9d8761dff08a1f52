import { createHash } from 'node:crypto';
import { ApplicationSubmission, AttachedDocument, DocumentKind, SubmissionChannel } from '@domain/application';
import { ApplicantCategory, RegionCode, REGIONS } from '@domain/shared/region';
import { SettlementKind } from '@domain/subsidy';
import { addDays, addMonths, addYears } from './dates';
import { Family } from './people';
import { SeededRandom } from '@libs/seeded-random';

/** Where families settle in each region that receives a quota (names as in Latin-script records). */
const SETTLEMENTS: Readonly<Partial<Record<RegionCode, ReadonlyArray<readonly [SettlementKind, string]>>>> = {
  pavlodar: [
    ['city', 'Pavlodar'],
    ['town', 'Ekibastuz'],
    ['town', 'Aksu'],
    ['village', 'Sharbakty'],
    ['village', 'Terenkol'],
  ],
  akmola: [
    ['city', 'Kokshetau'],
    ['town', 'Stepnogorsk'],
    ['town', 'Shchuchinsk'],
    ['village', 'Zerendi'],
  ],
  abai: [
    ['city', 'Semey'],
    ['town', 'Kurchatov'],
    ['town', 'Ayagoz'],
    ['village', 'Urzhar'],
  ],
  east_kazakhstan: [
    ['city', 'Oskemen'],
    ['town', 'Ridder'],
    ['town', 'Altai'],
    ['village', 'Ulken Naryn'],
  ],
  north_kazakhstan: [
    ['city', 'Petropavl'],
    ['town', 'Bulayevo'],
    ['town', 'Mamlyut'],
    ['village', 'Saumalkol'],
    ['village', 'Timiryazevo'],
  ],
  kostanay: [
    ['city', 'Kostanay'],
    ['city', 'Rudny'],
    ['town', 'Lisakovsk'],
    ['village', 'Karabalyk'],
  ],
  atyrau: [
    ['city', 'Atyrau'],
    ['town', 'Kulsary'],
    ['village', 'Makhambet'],
  ],
  west_kazakhstan: [
    ['city', 'Oral'],
    ['town', 'Aksai'],
    ['village', 'Chapaev'],
  ],
  ulytau: [
    ['city', 'Zhezkazgan'],
    ['town', 'Satpayev'],
    ['village', 'Ulytau'],
  ],
  karaganda: [
    ['city', 'Karaganda'],
    ['town', 'Temirtau'],
    ['town', 'Balkhash'],
    ['village', 'Osakarovka'],
  ],
};

/** Resettlers move from the labour-surplus south and west to the regions with a quota. */
export const RESETTLER_ORIGINS: ReadonlyArray<readonly [RegionCode, number]> = [
  ['turkistan', 24],
  ['shymkent', 14],
  ['jambyl', 13],
  ['kyzylorda', 12],
  ['almaty_region', 9],
  ['mangystau', 8],
  ['jetisu', 7],
  ['almaty', 5],
  ['aktobe', 4],
  ['astana', 4],
];

const CHANNELS: ReadonlyArray<readonly [SubmissionChannel, number]> = [
  ['egov-portal', 58],
  ['egov-mobile', 27],
  ['con', 10],
  ['enbek', 5],
];
const MOBILE_PREFIXES = ['701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];
const MAIL_DOMAINS = ['mail.kz', 'gmail.com', 'inbox.kz', 'mail.ru', 'yandex.kz'];

export interface SubmissionInput {
  readonly applicationId: string;
  readonly family: Family;
  readonly category: ApplicantCategory;
  readonly region: RegionCode;
  readonly year: number;
  /** The instant of submission: consent is given just before, documents are issued before. */
  readonly submittedAt: string;
  /** The local date of `submittedAt`. */
  readonly today: string;
  readonly originCountry?: string;
}

/** The file's digest: a stable stand-in for the SHA-256 of the file the portal stored. */
function fileDigest(applicationId: string, kind: string): string {
  return createHash('sha256').update(`seed:${applicationId}:${kind}`).digest('hex');
}

/**
 * A complete, valid package (FACTS.md, "The service"): passport copy (not expired) with notarised
 * Kazakh and Russian translations, the marriage certificate of a married applicant, the divorce
 * certificate of a divorce, education, and often qualification and work-experience documents.
 */
export function buildSubmission(random: SeededRandom, input: SubmissionInput): ApplicationSubmission {
  const { family, today, applicationId } = input;
  const { applicant } = family;
  const [settlementKind, settlementName] = random.pick(SETTLEMENTS[input.region] ?? [['city', 'Centre'] as const]);

  const documents: AttachedDocument[] = [];
  const attach = (kind: DocumentKind, dates: { issuedOn?: string; expiresOn?: string }) =>
    documents.push({
      kind,
      fileRef: `seed/${applicationId}/${kind}.pdf`,
      sha256: fileDigest(applicationId, kind),
      ...dates,
    });
  const passportIssued = addDays(today, -random.int(30, 9 * 365));
  attach('passport-copy', { issuedOn: passportIssued, expiresOn: addDays(addYears(passportIssued, 10), -1) });
  const translated = addDays(today, -random.int(2, 60));
  attach('notarised-translation-kk', { issuedOn: translated });
  attach('notarised-translation-ru', { issuedOn: translated });
  if (applicant.maritalStatus === 'married')
    attach('marriage-certificate', { issuedOn: applicant.marriedOn ?? addDays(today, -365) });
  if (applicant.maritalStatus === 'divorced' && applicant.divorcedOn)
    attach('divorce-certificate', { issuedOn: applicant.divorcedOn });
  const graduated = addDays(addYears(applicant.birthDate, random.int(18, 23)), random.int(150, 200));
  attach('education', { issuedOn: graduated < today ? graduated : addDays(today, -30) });
  if (random.chance(0.4)) {
    const qualified = addDays(graduated, random.int(200, 3000));
    attach('qualification', { issuedOn: qualified < today ? qualified : addDays(today, -20) });
  }
  if (random.chance(0.5)) attach('work-experience', { issuedOn: addDays(today, -random.int(5, 90)) });

  const latin = applicant.nameLatin;
  const email = random.chance(0.55)
    ? `${latin.firstName}.${latin.lastName}${random.int(1, 99)}`.toLowerCase().replace(/[^a-z0-9.]/g, '') +
      `@${random.pick(MAIL_DOMAINS)}`
    : undefined;
  const contacts = { phone: `+7${random.pick(MOBILE_PREFIXES)}${random.digits(7)}`, ...(email ? { email } : {}) };

  const categoryPart =
    input.category === 'kandas'
      ? {
          kandasStatus: {
            certificateNumber: `KS-${today.slice(0, 4)}-${random.digits(6)}`,
            issuedOn: addDays(today, -random.int(5, 200)),
          },
        }
      : { resettler: resettlerOrigin(random, input.region, today) };

  const consentAt = new Date(Date.parse(input.submittedAt) - random.int(1, 15) * 60_000).toISOString();
  return {
    channel: random.weighted(CHANNELS),
    consent: { given: true, givenAt: consentAt },
    region: input.region,
    year: input.year,
    settlement: { kind: settlementKind, name: settlementName },
    applicant: {
      iin: applicant.iin,
      name: applicant.name,
      nameLatin: applicant.nameLatin,
      birthDate: applicant.birthDate,
      category: input.category,
      ...categoryPart,
      maritalStatus: applicant.maritalStatus,
      ...(applicant.divorcedOn ? { divorcedOn: applicant.divorcedOn } : {}),
      contacts,
    },
    familyMembers: family.members.map((member) => ({
      relation: member.relation,
      name: member.name,
      birthDate: member.birthDate,
      ...(member.iin ? { iin: member.iin } : {}),
      ...(member.foreignDocument ? { foreignDocument: member.foreignDocument } : {}),
    })),
    documents,
  };
}

/** A resettler: ≥ 1 year of permanent registration where he leaves, a job seeker at its career centre. */
function resettlerOrigin(random: SeededRandom, receiving: RegionCode, today: string) {
  const originRegion = random.weighted(RESETTLER_ORIGINS.filter(([region]) => region !== receiving));
  const since = addMonths(today, -random.int(14, 300));
  return {
    originRegion,
    permanentRegistrationSince: since,
    careerCentre: {
      name: `Центр трудовой мобильности — ${REGIONS[originRegion].ru}`,
      registrationNumber: `CTM-${originRegion.slice(0, 3).toUpperCase()}-${random.digits(7)}`,
      registeredOn: addDays(today, -random.int(10, 240)),
    },
  };
}
