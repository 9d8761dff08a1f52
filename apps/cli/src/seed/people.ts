import { ApplicantCategory } from '@domain/shared/region';
import { FamilyRelation, ForeignDocument, MaritalStatus } from '@domain/application';
import { addDays, ageOn } from './dates';
import { CyrillicName, Ethnicity, FamilyNaming, latinName, NamedPerson, Sex } from './names';
import { SeededRandom } from '@libs/seeded-random';

const IIN_WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const IIN_WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The IIN check digit of 11 digits, or null when both weightings give 10 (no valid IIN: skip it). */
export function iinCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) => weights.reduce((s, w, i) => s + w * digits[i]!, 0) % 11;
  let check = sum(IIN_WEIGHTS_1);
  if (check === 10) check = sum(IIN_WEIGHTS_2);
  return check === 10 ? null : check;
}

/**
 * An IIN as the registry issues one: birth date (yyMMdd), century and sex (3/4 for the 1900s,
 * 5/6 for the 2000s, odd for men), a 4-digit serial, the check digit. A serial whose check digit
 * would be 10 twice is skipped; so is one already given to someone else in the seed.
 */
export function generateIin(random: SeededRandom, birthDate: string, sex: Sex, taken: Set<string>): string {
  const year = Number(birthDate.slice(0, 4));
  const century = year < 2000 ? (sex === 'male' ? 3 : 4) : sex === 'male' ? 5 : 6;
  const prefix = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${century}`;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const first11 = prefix + random.digits(4);
    const check = iinCheckDigit(first11);
    if (check === null) continue;
    const iin = first11 + check;
    if (taken.has(iin)) continue;
    taken.add(iin);
    return iin;
  }
  throw new Error(`no free IIN for ${birthDate}`);
}

export interface Person {
  readonly sex: Sex;
  readonly name: CyrillicName;
  readonly firstName: string;
  readonly birthDate: string;
  readonly iin?: string;
  readonly foreignDocument?: ForeignDocument;
}

export interface Member extends Person {
  readonly relation: FamilyRelation;
}

export interface Family {
  readonly applicant: Person & {
    readonly iin: string;
    readonly nameLatin: CyrillicName;
    readonly maritalStatus: MaritalStatus;
    readonly divorcedOn?: string;
    readonly marriedOn?: string;
  };
  readonly members: readonly Member[];
  readonly ethnicity: Ethnicity;
}

/** Where kandas come from (ISO 3166-1 alpha-3), roughly in proportion to recent arrivals. */
export const KANDAS_ORIGINS: ReadonlyArray<readonly [string, number]> = [
  ['UZB', 34],
  ['CHN', 26],
  ['MNG', 22],
  ['TKM', 8],
  ['RUS', 6],
  ['KGZ', 2],
  ['IRN', 1],
  ['TUR', 1],
];
const DOCUMENT_PREFIX: Readonly<Record<string, string>> = {
  UZB: 'FA',
  CHN: 'E',
  MNG: 'E',
  TKM: 'A',
  RUS: '75',
  KGZ: 'AC',
  IRN: 'K',
  TUR: 'U',
};

/** Family sizes 1–7 (the application's persons, the applicant included). */
const SIZES: ReadonlyArray<readonly [number, number]> = [
  [1, 14],
  [2, 16],
  [3, 20],
  [4, 20],
  [5, 15],
  [6, 9],
  [7, 6],
];

export function familySize(random: SeededRandom): number {
  return random.weighted(SIZES);
}

/** A random date between `from` and `to`, both included. */
function dateBetween(random: SeededRandom, from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return span <= 0 ? to : addDays(from, random.int(0, span));
}

/** Born between `minAge` and `maxAge` whole years old on `today`. */
function birthDateForAge(random: SeededRandom, today: string, minAge: number, maxAge: number): string {
  const age = random.int(minAge, maxAge);
  const latest = addDays(today, -Math.round(age * 365.25) - 1);
  return addDays(latest, -random.int(0, 360));
}

export interface FamilyInput {
  readonly category: ApplicantCategory;
  readonly size: number;
  /** The day of submission: every date is before it. */
  readonly today: string;
  /** Kandas: the country the family comes from. */
  readonly originCountry?: string;
  readonly iins: Set<string>;
}

/**
 * A family that moves together: the applicant, a spouse when married, children, sometimes a parent
 * or a sibling. Resettlers are citizens (everyone has an IIN); a kandas has one, and the family
 * members of some kandas families are identified by their foreign documents instead.
 */
export function generateFamily(random: SeededRandom, input: FamilyInput): Family {
  const { category, size, today } = input;
  const ethnicity: Ethnicity = category === 'kandas' || random.chance(0.78) ? 'kazakh' : 'russian';
  const naming = FamilyNaming.random(random, ethnicity, category === 'kandas' ? 0.45 : 0.05);
  const sex: Sex = random.chance(0.68) ? 'male' : 'female';

  const others = size - 1;
  const married = others > 0 && random.chance(0.82);
  const maritalStatus: MaritalStatus = married
    ? 'married'
    : random.weighted<MaritalStatus>(
        others > 0
          ? [
              ['divorced', 6],
              ['widowed', 3],
              ['single', 1],
            ]
          : [
              ['single', 6],
              ['divorced', 3],
              ['widowed', 1],
            ],
      );
  const withParent = others - (married ? 1 : 0) >= 3 && random.chance(0.3);
  const age = withParent ? random.int(26, 45) : others === 0 ? random.int(20, 50) : random.int(24, 55);
  const birthDate = birthDateForAge(random, today, age, age);

  // A married woman was born into another family: her parents and siblings carry its names, her
  // husband and children this family's; she took her husband's surname, or kept her own.
  const marriedWoman = married && sex === 'female';
  const birthFamily = marriedWoman ? FamilyNaming.random(random, ethnicity, naming.traditional ? 0.8 : 0.1) : naming;
  const fatherOfApplicant = birthFamily.firstName(random, 'male');
  const self: NamedPerson =
    marriedWoman && !naming.traditional && random.chance(0.65)
      ? naming.person(random, sex, fatherOfApplicant)
      : birthFamily.person(random, sex, fatherOfApplicant);
  const applicantIin = generateIin(random, birthDate, sex, input.iins);
  const identified = category === 'resettler' || random.chance(0.4);
  const identify = (person: NamedPerson, born: string): Person => {
    if (identified) return { ...person, birthDate: born, iin: generateIin(random, born, person.sex, input.iins) };
    const country = input.originCountry ?? 'UZB';
    const kind = ageOn(born, today) < 16 ? 'birth certificate' : 'passport';
    return {
      ...person,
      birthDate: born,
      foreignDocument: {
        kind,
        number: `${DOCUMENT_PREFIX[country] ?? 'N'}${random.digits(7)}`,
        issuingCountry: country,
      },
    };
  };

  const members: Member[] = [];
  const names = new Set<string>([self.firstName]);
  let marriedOn: string | undefined;
  let childrenFather = sex === 'male' ? self.firstName : naming.firstName(random, 'male');
  if (married) {
    const spouse =
      sex === 'male' ? naming.wife(random) : naming.person(random, 'male', naming.firstName(random, 'male'), names);
    const spouseAge = Math.max(19, age + (sex === 'male' ? -random.int(0, 6) : random.int(0, 6)));
    members.push({ relation: 'spouse', ...identify(spouse, birthDateForAge(random, today, spouseAge, spouseAge)) });
    if (sex === 'female') childrenFather = spouse.firstName;
    names.add(spouse.firstName);
    marriedOn = dateBetween(random, addDays(birthDate, Math.round(20 * 365.25)), addDays(today, -90));
  }
  if (withParent) {
    let parent: NamedPerson;
    if (random.chance(0.4)) {
      const father = birthFamily.person(random, 'male', birthFamily.firstName(random, 'male'));
      parent = { ...father, firstName: fatherOfApplicant, name: { ...father.name, firstName: fatherOfApplicant } };
    } else {
      parent = birthFamily.wife(random);
    }
    const parentAge = Math.min(88, age + random.int(22, 32));
    members.push({ relation: 'parent', ...identify(parent, birthDateForAge(random, today, parentAge, parentAge)) });
  }
  const oldestChild = Math.max(0, Math.min(age - 20, 22));
  while (members.length < others) {
    if (members.length >= 2 && random.chance(0.06)) {
      const sibling = birthFamily.person(random, random.chance(0.5) ? 'male' : 'female', fatherOfApplicant, names);
      names.add(sibling.firstName);
      const siblingAge = Math.max(16, age + random.int(-8, 8));
      members.push({
        relation: 'sibling',
        ...identify(sibling, birthDateForAge(random, today, siblingAge, siblingAge)),
      });
      continue;
    }
    const child = naming.person(random, random.chance(0.5) ? 'male' : 'female', childrenFather, names);
    names.add(child.firstName);
    const childAge = random.int(0, oldestChild);
    const born =
      childAge === 0 ? addDays(today, -random.int(20, 330)) : birthDateForAge(random, today, childAge, childAge);
    members.push({ relation: 'child', ...identify(child, born) });
  }

  const adult = addDays(birthDate, Math.round(20 * 365.25));
  const divorcedOn =
    maritalStatus === 'divorced'
      ? dateBetween(random, adult > addDays(today, -2400) ? adult : addDays(today, -2400), addDays(today, -60))
      : undefined;
  return {
    ethnicity,
    applicant: {
      ...self,
      birthDate,
      iin: applicantIin,
      nameLatin: latinName(self.name),
      maritalStatus,
      ...(divorcedOn ? { divorcedOn } : {}),
      ...(marriedOn ? { marriedOn } : {}),
    },
    members,
  };
}
