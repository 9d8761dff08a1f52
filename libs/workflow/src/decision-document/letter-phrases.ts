import type { ApplicantCategory, RegionCode } from '@domain/shared/region';
import type { LetterFamilyMember, LetterPerson, LetterSeats, LetterSubsidies } from './letter-facts';

/** The letter's words in one language: labels, and a sentence for each fact (ADR 29). */
export interface LetterPhrases {
  readonly language: 'kk' | 'ru';
  readonly serviceName: string;
  readonly signedBy: string;
  readonly labels: {
    readonly application: string;
    readonly applicant: string;
    readonly category: string;
    readonly quota: string;
    readonly family: string;
    readonly subsidies: string;
    readonly relocation: string;
    readonly rent: string;
    readonly total: string;
    readonly mci: string;
    readonly explanation: string;
    readonly seats: string;
    readonly complaints: string;
  };
  readonly noFamily: string;
  readonly complaints: string;
  decisionNumber(decision: { readonly number: string; readonly date: string }): string;
  subject(outcome: 'included' | 'refused'): string;
  application(applicationId: string, submittedOn: string): string;
  person(person: LetterPerson): string;
  category(category: ApplicantCategory): string;
  quota(quota: { readonly region: RegionCode; readonly year: number }): string;
  familyCount(members: number): string;
  member(member: LetterFamilyMember): string;
  included(quota: { readonly region: RegionCode; readonly year: number }, persons: number): string;
  relocation(subsidies: LetterSubsidies): string;
  rent(subsidies: LetterSubsidies): string;
  mci(mci: LetterSubsidies['mci']): string;
  tenge(amount: number): string;
  refused(quota: { readonly region: RegionCode; readonly year: number }): string;
  groundsHeading(listVersion: string): string;
  /** A full quota's figures, when that is the ground of the refusal. */
  seats(seats: LetterSeats): string;
  unknownGround(code: string): string;
}

/** 31.12.2026: the way Kazakh and Russian documents write a date. */
export function documentDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/** 1 234 567: groups of three joined by a no-break space, so an amount never wraps. */
export function groupedDigits(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

export function fullName(person: LetterPerson): string {
  const { lastName, firstName, patronymic } = person.name;
  return [lastName, firstName, patronymic].filter((part) => part !== undefined).join(' ');
}
