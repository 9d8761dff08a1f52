import type { ApplicationSubmission, FamilyMember } from '@domain/application';
import { isValidIin } from '@domain/shared/iin';
import type { PersonName } from '@domain/shared/person-name';
import { kandasFamily, validIin } from '../../domain/application/fixtures';

/** A random source in [0, 1): `new SeededRandom(seed).next` from @libs/seeded-random. */
export type Random = () => number;

const SURNAMES = [
  'Ахметов',
  'Сейтқали',
  'Бекова',
  'Жақыпов',
  'Оспанова',
  'Мұратбек',
  'Қайратов',
  'Әбілова',
  'Төлеуов',
  'Нұрғалиева',
];
const GIVEN_NAMES = [
  'Айдос',
  'Гүлнар',
  'Ерлан',
  'Мадина',
  'Өмірзақ',
  'Айгерім',
  'Бауыржан',
  'Жанар',
  'Нұрсұлтан',
  'Әсел',
];
const CHILD_RELATIONS = ['child', 'child', 'parent', 'sibling', 'grandchild'] as const;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (random: Random, count: number): string =>
  Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
const date = (random: Random, fromYear: number, toYear: number): string => {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/**
 * Hands out valid IINs (FACTS.md check digit, domain/shared/iin.ts) drawn from the random source,
 * each at most once in a run, so no two persons of any application share one.
 */
export class IinSource {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  /** A fresh IIN whose first 6 digits are the birth date (yyMMdd), as most IINs have. */
  next(birthDate: string): string {
    const prefix = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}`;
    for (;;) {
      const first11 = prefix + digits(this.random, 5);
      let iin: string;
      try {
        iin = validIin(first11);
      } catch {
        continue; // no check digit exists for these 11 digits: draw again
      }
      if (!isValidIin(iin)) throw new Error(`validIin produced an invalid IIN ${String(iin)}`);
      if (this.used.has(iin)) continue;
      this.used.add(iin);
      return iin;
    }
  }

  get all(): readonly string[] {
    return [...this.used];
  }
}

export interface RaceFamily {
  readonly submission: ApplicationSubmission;
  /** The applicant and each family member. */
  readonly persons: number;
  readonly applicantIin: string;
}

/**
 * A valid kandas family of `size` persons (1 to 6) moving to `region`: a married applicant brings
 * the spouse first, then children, parents, siblings or grandchildren, each identified by an IIN or
 * by a foreign document. The five documents of the fixture (incl. a marriage certificate) are kept,
 * so every eligible review judges documents 0..4.
 */
export function raceFamily(
  random: Random,
  iins: IinSource,
  size: number,
  region: ApplicationSubmission['region'] = 'pavlodar',
): RaceFamily {
  if (!Number.isInteger(size) || size < 1 || size > 6) throw new Error(`a family counts 1 to 6 persons, not ${size}`);
  const { nameLatin: _latin, ...baseApplicant } = kandasFamily().applicant;
  const base = kandasFamily();
  const name = (): PersonName => ({ lastName: pick(random, SURNAMES), firstName: pick(random, GIVEN_NAMES) });
  const applicantBirth = date(random, 1960, 1998);
  const applicantIin = iins.next(applicantBirth);
  const married = size >= 2 && random() < 0.6;
  const members: FamilyMember[] = [];
  for (let i = 0; i < size - 1; i++) {
    const relation = i === 0 && married ? 'spouse' : pick(random, CHILD_RELATIONS);
    const birthDate =
      relation === 'child' || relation === 'grandchild' ? date(random, 2008, 2024) : date(random, 1950, 2000);
    const identified =
      random() < 0.7
        ? { iin: iins.next(birthDate) }
        : {
            foreignDocument: {
              kind: 'passport',
              number: `F${digits(random, 8)}`,
              issuingCountry: pick(random, ['MNG', 'CHN', 'UZB', 'TKM', 'RUS']),
            },
          };
    members.push({ relation, name: name(), birthDate, ...identified });
  }
  const submission: ApplicationSubmission = {
    ...base,
    consent: { given: true, givenAt: '2026-01-01T00:00:00.000Z' },
    region: region,
    applicant: {
      ...baseApplicant,
      iin: applicantIin,
      name: name(),
      birthDate: applicantBirth,
      maritalStatus: married ? 'married' : pick(random, ['single', 'widowed'] as const),
      contacts: { phone: `+7701${digits(random, 7)}` },
    },
    familyMembers: members,
  };
  return { submission, persons: size, applicantIin };
}
