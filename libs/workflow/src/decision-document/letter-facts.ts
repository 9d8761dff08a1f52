import { officerExplanation, processExplanation, type ProcessExplanation } from '@domain/review-process';
import type { ApplicationRefused, ApplicationSubmitted, FamilyRelation, SubsidyGranted } from '@domain/application';
import type { ApplicantCategory, RegionCode } from '@domain/shared/region';
import type { PersonName } from '@domain/shared/person-name';
import { localDateOf } from '@domain/shared/calendar-date';
import type { AuditEntry } from '../audit/audit-trail';
import { decisionOf, type DecisionAnswer } from '../audit/timeline/application-decision';
import type { LawReading } from '../audit/timeline/grounds-lists';
import type { TimelineNarrator } from '../audit/timeline/timeline-narrator';

/** A refusal ground as the letter prints it: its code and its label in both languages of the letter. */
export interface BilingualGround {
  readonly code: string;
  /** Null when the grounds list version the refusal recorded does not know the code. */
  readonly kk: string | null;
  readonly ru: string | null;
}

export interface LetterPerson {
  readonly name: PersonName;
  readonly birthDate: string;
  readonly iin: string | null;
}

export interface LetterFamilyMember extends LetterPerson {
  readonly relation: FamilyRelation;
}

/** What the inclusion granted: each subsidy with the inputs its formula used, and the MCI. */
export interface LetterSubsidies {
  readonly relocation: { readonly amount: number; readonly persons: number; readonly mciPerPerson: number };
  readonly rent: { readonly amount: number; readonly monthlyRateMci: number; readonly months: number };
  readonly total: number;
  readonly mci: { readonly value: number; readonly year: number };
}

interface CommonFacts {
  readonly applicationId: string;
  readonly submittedOn: string;
  readonly decision: { readonly number: string; readonly date: string };
  /** The instant the decision was recorded: the document's creation date, so re-rendering gives the same bytes. */
  readonly decidedAt: string;
  readonly applicant: LetterPerson & { readonly category: ApplicantCategory };
  readonly family: readonly LetterFamilyMember[];
  readonly quota: { readonly region: RegionCode; readonly year: number };
}

/**
 * Everything the decision letter says, read from the application's events up to its decision and the
 * subsidies it granted: later events (a withdrawal, a complaint) never change a letter once issued.
 */
export type DecisionLetterFacts =
  | (CommonFacts & { readonly outcome: 'included'; readonly persons: number; readonly subsidies: LetterSubsidies })
  | (CommonFacts & {
      readonly outcome: 'refused';
      readonly grounds: readonly BilingualGround[];
      readonly groundsListVersion: string;
      /** The officer's words; null when the process wrote its own (the grounds' titles say them). */
      readonly explanation: string | null;
      /** A full quota's figures, when that is the ground. */
      readonly seats: LetterSeats | null;
    });

export interface LetterSeats {
  readonly remaining: number;
  readonly persons: number;
}

/** No decision was recorded on the application yet: there is no letter to issue. */
export class DecisionNotTakenError extends Error {
  readonly code = 'DECISION_DOCUMENT.NOT_DECIDED';
  constructor(
    readonly applicationId: string,
    readonly status: string,
  ) {
    super(`Application ${applicationId} is not decided (status ${status})`);
    this.name = 'DecisionNotTakenError';
  }
}

/**
 * An inclusion whose subsidies the process has not granted yet (it does so right after the decision):
 * the letter states the amounts, so it is issued once both are recorded, never with a blank.
 */
export class SubsidiesNotGrantedYetError extends Error {
  readonly code = 'DECISION_DOCUMENT.SUBSIDIES_PENDING';
  constructor(readonly applicationId: string) {
    super(`Application ${applicationId} is included; its relocation and rent subsidies are not both granted yet`);
    this.name = 'SubsidiesNotGrantedYetError';
  }
}

/** The letter's facts from an application's history (entries in revision order). */
export function letterFactsOf(
  applicationId: string,
  entries: readonly AuditEntry[],
  narrator: TimelineNarrator,
  law: LawReading,
): DecisionLetterFacts {
  const kk = decisionOf(applicationId, entries, 'kk', narrator, law);
  const ru = decisionOf(applicationId, entries, 'ru', narrator, law);
  if (!kk.decided || kk.decidedAt === null || kk.decisionNumber === null || kk.decisionDate === null)
    throw new DecisionNotTakenError(applicationId, kk.status);
  const common = commonFactsOf(applicationId, entries, kk);
  if (kk.outcome === 'refused') return { ...common, outcome: 'refused', ...refusalOf(entries, kk, ru) };
  return { ...common, outcome: 'included', ...inclusionOf(applicationId, entries) };
}

function commonFactsOf(applicationId: string, entries: readonly AuditEntry[], answer: DecisionAnswer): CommonFacts {
  const submitted = entries.find((e) => e.type === 'ApplicationSubmitted')!
    .data as unknown as ApplicationSubmitted['data'];
  const { applicant, familyMembers, region, year } = submitted.submission;
  return {
    applicationId,
    submittedOn: localDateOf(submitted.submittedAt),
    decision: { number: answer.decisionNumber!, date: answer.decisionDate! },
    decidedAt: answer.decidedAt!,
    applicant: {
      name: applicant.name,
      birthDate: applicant.birthDate,
      iin: applicant.iin,
      category: applicant.category,
    },
    family: familyMembers.map((member) => ({
      relation: member.relation,
      name: member.name,
      birthDate: member.birthDate,
      iin: member.iin ?? null,
    })),
    quota: { region, year },
  };
}

function refusalOf(entries: readonly AuditEntry[], kk: DecisionAnswer, ru: DecisionAnswer) {
  const refusal = entries.findLast((e) => e.type === 'ApplicationRefused')!
    .data as unknown as ApplicationRefused['data'];
  return {
    grounds: bilingualGrounds(kk, ru),
    groundsListVersion: refusal.groundsListVersion,
    explanation: officerExplanation(refusal.explanation, refusal.grounds),
    seats: seatsOf(processExplanation(refusal.explanation, refusal.grounds)),
  };
}

function seatsOf(recognised: ProcessExplanation | null): LetterSeats | null {
  return recognised?.kind === 'quota-full' ? { remaining: recognised.remaining, persons: recognised.persons } : null;
}

function inclusionOf(applicationId: string, entries: readonly AuditEntry[]) {
  const grants = entries
    .filter((e) => e.type === 'SubsidyGranted')
    .map((e) => e.data as unknown as SubsidyGranted['data']);
  const relocation = grants.find((g) => g.kind === 'relocation');
  const rent = grants.find((g) => g.kind === 'rent');
  if (relocation?.kind !== 'relocation' || rent?.kind !== 'rent') throw new SubsidiesNotGrantedYetError(applicationId);
  return {
    persons: relocation.inputs.persons,
    subsidies: {
      relocation: {
        amount: relocation.amount,
        persons: relocation.inputs.persons,
        mciPerPerson: relocation.inputs.mciPerPerson,
      },
      rent: { amount: rent.amount, monthlyRateMci: rent.inputs.monthlyRateMci, months: rent.inputs.months },
      total: relocation.amount + rent.amount,
      mci: { value: relocation.mci.value, year: relocation.mci.year },
    },
  };
}

/** The grounds of a refusal with their labels in both languages (the two answers list them in the same order). */
export function bilingualGrounds(kk: DecisionAnswer, ru: DecisionAnswer): BilingualGround[] {
  return kk.grounds.map((ground, at) => ({ code: ground.code, kk: ground.label, ru: ru.grounds[at]?.label ?? null }));
}
