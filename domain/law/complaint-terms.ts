import type { LegalBasis } from './legal-basis';

/**
 * How and until when an applicant may complain about a decision: law, so data with a version and a
 * legal basis, never a sentence in a template. A notice of refusal records the version it used.
 * The law's streams hold no complaint table yet (ADR 28): until one is recorded, the version here
 * is the one in force.
 */
export interface ComplaintTerms {
  readonly version: string;
  /** True while a figure is not confirmed from the text of the law (the filing period, below). */
  readonly provisional: boolean;
  /** Filed through the body that decided, which forwards it unless it satisfies it itself. */
  readonly filedThrough: 'the-deciding-body';
  /** Months from the day the applicant learns of the decision; counted here from the decision date. */
  readonly filingPeriodMonths: number;
  /** Working days the provider has to consider a complaint filed with it. */
  readonly providerConsiderationWorkingDays: number;
  /** Working days the authority for the quality of public services has, and by how many it may extend them. */
  readonly authorityConsiderationWorkingDays: number;
  readonly authorityExtensionWorkingDays: number;
  /** A complaint at the provider is flagged at risk this many working days before it is due. */
  readonly providerAtRiskWorkingDaysBeforeDue: number;
  /**
   * A satisfied complaint that returns the application to review gives the review a fresh service
   * term counted from the revocation (the SLA policy's working days). The law as read is silent on
   * it (ADR 32): it is data, so a reading that differs is an amendment, not a code change.
   */
  readonly reviewAfterRevocation: 'fresh-service-term';
  readonly legalBasis: readonly LegalBasis[];
}

/**
 * Version 1, from ../shared/domain/FACTS.md: the Law on Public Services art. 25 (5 working days at
 * the provider, 15 at the authority, extendable by 10) and the Administrative Procedural Code
 * art. 91 (filed through the body that decided). The filing period of three months (art. 91 p. 4)
 * is not stated in FACTS.md: it is marked provisional until confirmed from the code's text.
 */
export const COMPLAINT_TERMS_V1: ComplaintTerms = {
  version: '1',
  provisional: true,
  filedThrough: 'the-deciding-body',
  filingPeriodMonths: 3,
  providerConsiderationWorkingDays: 5,
  authorityConsiderationWorkingDays: 15,
  authorityExtensionWorkingDays: 10,
  providerAtRiskWorkingDaysBeforeDue: 1,
  reviewAfterRevocation: 'fresh-service-term',
  legalBasis: [
    {
      kind: 'law',
      number: '88-V',
      date: '2013-04-15',
      title: 'Law on Public Services, art. 25: terms of considering complaints',
      source: 'https://adilet.zan.kz/rus/docs/Z1300000088',
    },
    {
      kind: 'code',
      number: '350-VI',
      date: '2020-06-29',
      title: 'Administrative Procedural Code, art. 91: a complaint is filed through the body that decided',
      source: 'https://adilet.zan.kz/rus/docs/K2000000350',
    },
  ],
};
