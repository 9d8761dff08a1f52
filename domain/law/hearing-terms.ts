import type { LegalBasis } from './legal-basis';

/** How an applicant is heard: stated in the notice of the preliminary refusal. */
export type HearingWay = 'in-person' | 'video-call' | 'in-writing';

/**
 * When an applicant is heard before a refusal (issue 20, ADR 32): law, so data with a version and a
 * legal basis, never a constant in a rule. The process reads the version in force from
 * `ReviewProcessPolicy.hearingTerms`; the law's streams hold no hearing table yet, so until one is
 * recorded the version here is the one in force.
 */
export interface HearingTerms {
  readonly version: string;
  /** True while a figure is not confirmed from the text of the rules (every figure, today). */
  readonly provisional: boolean;
  /** The notice of a preliminary refusal reaches the applicant at least this many working days before the service term ends. */
  readonly noticeWorkingDaysBeforeDue: number;
  /** The hearing is held within this many working days of the notice. */
  readonly hearingWithinWorkingDays: number;
  /** The notice deadline is flagged at risk this many working days before it. */
  readonly noticeAtRiskWorkingDaysBefore: number;
  /** The way a hearing is offered when the process proposes the refusal (a supervisor may choose another). */
  readonly defaultWay: HearingWay;
  readonly legalBasis: readonly LegalBasis[];
}

/**
 * Version 1, from ../shared/domain/FACTS.md ("Hearing before a refusal"): the Administrative
 * Procedural Code art. 73 and the usual clause of the service rules since 2021, whose exact text
 * could not be read — hence provisional.
 */
export const HEARING_TERMS_V1: HearingTerms = {
  version: '1',
  provisional: true,
  noticeWorkingDaysBeforeDue: 3,
  hearingWithinWorkingDays: 2,
  noticeAtRiskWorkingDaysBefore: 1,
  defaultWay: 'video-call',
  legalBasis: [
    {
      kind: 'code',
      number: '350-VI',
      date: '2020-06-29',
      title: 'Administrative Procedural Code, art. 73: hearing the participant before an unfavourable decision',
      source: 'https://adilet.zan.kz/rus/docs/K2000000350',
    },
  ],
};
