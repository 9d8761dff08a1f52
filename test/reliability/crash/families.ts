import type { ApplicationSubmission, FamilyMember } from '@domain/application';
import { kandasFamily, validIin } from '../../domain/application/fixtures';

/** What a client does with one application: how far it goes, and when. */
export type Plan =
  /** Reviewed at once, found eligible: included (or refused when the quota is full), two subsidies. */
  | 'eligible'
  /** Reviewed at once, found not eligible: refused on the reviewer's grounds. */
  | 'not-eligible'
  /** Signed, maybe taken for review, then left: at risk, breached, escalated by the deadlines. */
  | 'abandoned'
  /** Signed, then reviewed (eligible) only once the clock has passed the at-risk point. */
  | 'late';

export interface ApplicationPlan {
  /** Unique in the run: `w<wave>-c<client>-a<index>`, the prefix of every Idempotency-Key of the journey. */
  readonly label: string;
  readonly client: number;
  readonly plan: Plan;
  /** An abandoned application may still have been taken for review. */
  readonly startReview: boolean;
  /**
   * A not-eligible one, once refused: the applicant complains and a supervisor satisfies it (the
   * refusal revoked, the family included if the quota still has room) or rejects it (ADR 32).
   */
  readonly complaint: 'satisfy' | 'reject' | null;
  readonly submission: ApplicationSubmission;
  /** The applicant and each family member. */
  readonly persons: number;
}

const APPLICANTS: ReadonlyArray<{
  name: { lastName: string; firstName: string; patronymic?: string };
  latin?: { lastName: string; firstName: string };
}> = [
  {
    name: { lastName: 'Нұрланұлы', firstName: 'Ержан', patronymic: 'Серікұлы' },
    latin: { lastName: 'Nurlanuly', firstName: 'Yerzhan' },
  },
  { name: { lastName: 'Жақсылықова', firstName: 'Әсел' }, latin: { lastName: 'Zhaksylykova', firstName: 'Assel' } },
  { name: { lastName: 'Иванов', firstName: 'Сергей', patronymic: 'Петрович' } },
  { name: { lastName: 'Бөкейхан', firstName: 'Ғалым' }, latin: { lastName: 'Bokeikhan', firstName: 'Galym' } },
  { name: { lastName: 'Oyunbileg', firstName: 'Batbayar' } },
  { name: { lastName: 'Сәрсенбаева', firstName: 'Гүлнұр', patronymic: 'Қайратқызы' } },
  { name: { lastName: "O'Connor-Ahmetova", firstName: 'Dana' } },
  { name: { lastName: 'Құдайбергенов', firstName: 'Іңкәр' } },
];

const CHILD_NAMES = [
  { lastName: 'Ержанқызы', firstName: 'Аружан' },
  { lastName: 'Batbayar', firstName: 'Temuulen' },
  { lastName: 'Иванова', firstName: 'Алина' },
  { lastName: 'Ғалымұлы', firstName: 'Нұрасыл' },
];

/** A valid IIN for a birth date and a serial: the first serial from `serial` whose check digit exists. */
export function iinFor(birthDate: string, centuryAndSex: number, serial: number): string {
  const [year, month, day] = birthDate.split('-');
  for (let s = serial; ; s++) {
    const first11 = `${year!.slice(2)}${month}${day}${centuryAndSex}${String(s % 10_000).padStart(4, '0')}`;
    try {
      return validIin(first11);
    } catch {
      // no valid check digit for this serial (the weighted sums are 10 twice): try the next one
    }
  }
}

/**
 * The fixture family (kandasFamily, Pavlodar 2026) varied by the seed: applicant name and IIN, a
 * married couple with 0–2 children (2 to 4 persons), IINs unique in the run (`serial` is the
 * application's number in the run).
 */
export function familyFor(
  serial: number,
  random: () => number,
): { submission: ApplicationSubmission; persons: number } {
  const base = kandasFamily();
  const person = APPLICANTS[Math.floor(random() * APPLICANTS.length)]!;
  const applicantBirth = `19${70 + Math.floor(random() * 25)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
  const applicantIin = iinFor(applicantBirth, 3, serial * 10);
  const spouse = base.familyMembers[0]!;
  const children = Math.floor(random() * 3);
  const members: FamilyMember[] = [{ ...spouse, iin: iinFor(spouse.birthDate, 4, serial * 10 + 5_000) }];
  for (let child = 0; child < children; child++) {
    const birthDate = `201${child * 3 + Math.floor(random() * 3)}-0${1 + Math.floor(random() * 9)}-2${Math.floor(random() * 8)}`;
    members.push({
      relation: 'child',
      name: CHILD_NAMES[(serial + child) % CHILD_NAMES.length]!,
      birthDate,
      foreignDocument: { kind: 'birth certificate', number: `MN-${serial}-${child}`, issuingCountry: 'MNG' },
    });
  }
  const { nameLatin: fixtureLatin, ...fixtureApplicant } = base.applicant;
  void fixtureLatin; // the Latin spelling belongs to the fixture's name: each drawn person brings its own, or none
  const applicant: ApplicationSubmission['applicant'] = {
    ...fixtureApplicant,
    iin: applicantIin,
    name: person.name,
    ...(person.latin ? { nameLatin: person.latin } : {}),
    birthDate: applicantBirth,
    kandasStatus: { certificateNumber: `KS-2025-${100_000 + serial}`, issuedOn: '2025-11-20' },
  };
  const submission: ApplicationSubmission = {
    ...base,
    consent: { given: true, givenAt: '2026-01-01T00:00:00.000Z' },
    applicant,
    familyMembers: members,
  };
  return { submission, persons: 1 + members.length };
}

/** Draws a plan: mostly eligible, some refused, some left for the deadlines, some reviewed late. */
export function drawPlan(random: () => number, wave: 1 | 2): Plan {
  const r = random();
  if (wave === 2) return r < 0.7 ? 'eligible' : r < 0.85 ? 'not-eligible' : 'abandoned';
  return r < 0.5 ? 'eligible' : r < 0.65 ? 'not-eligible' : r < 0.85 ? 'abandoned' : 'late';
}

/** The applications of a wave, `perClient` for each of `clients` clients, numbered from `firstSerial`. */
export function planWave(
  wave: 1 | 2,
  clients: number,
  perClient: number,
  firstSerial: number,
  random: () => number,
): ApplicationPlan[] {
  const plans: ApplicationPlan[] = [];
  for (let client = 0; client < clients; client++) {
    for (let index = 0; index < perClient; index++) {
      const serial = firstSerial + plans.length;
      const plan = drawPlan(random, wave);
      const { submission, persons } = familyFor(serial, random);
      plans.push({
        label: `w${wave}-c${client}-a${index}`,
        client,
        plan,
        startReview: plan === 'abandoned' && random() < 0.5,
        complaint: null,
        submission,
        persons,
      });
    }
  }
  // Whatever the draw, the wave exercises every path: the first applications take the plans it lacks.
  const wanted: Plan[] = wave === 1 ? ['abandoned', 'late', 'not-eligible', 'eligible'] : ['abandoned', 'eligible'];
  for (const plan of wanted) {
    if (plans.some((p) => p.plan === plan)) continue;
    const spare = plans.findIndex((p) => plans.filter((q) => q.plan === p.plan).length > 1);
    if (spare >= 0) plans[spare] = { ...plans[spare]!, plan, startReview: false };
  }
  // The refused ones complain, satisfied and rejected in turn (both answers in every run with two).
  return plans.map((p, at) => {
    if (p.plan !== 'not-eligible') return p;
    const earlier = plans.slice(0, at).filter((q) => q.plan === 'not-eligible').length;
    return { ...p, complaint: earlier % 2 === 0 ? 'satisfy' : 'reject' };
  });
}

export const ALL_ACCEPTED = [0, 1, 2, 3, 4].map((documentIndex) => ({ documentIndex, accepted: true }));

/** The review body for a verdict. */
export function reviewBody(verdict: 'eligible' | 'not-eligible'): {
  verdict: string;
  findings: Array<{ documentIndex: number; accepted: boolean; note?: string }>;
  grounds: string[];
} {
  if (verdict === 'eligible') return { verdict, findings: ALL_ACCEPTED, grounds: [] };
  const findings = ALL_ACCEPTED.map((f) =>
    f.documentIndex === 0 ? { ...f, accepted: false, note: 'passport copy expired' } : f,
  );
  return { verdict, findings, grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'] };
}
