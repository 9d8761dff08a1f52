import { CalendarDate, Instant } from '../shared/calendar-date';
import { PersonName } from '../shared/person-name';
import { ApplicantCategory, RegionCode } from '../shared/region';
import { SettlementKind } from '../subsidy';
import { DocumentKind } from './documents';

export type MaritalStatus = 'single' | 'married' | 'divorced' | 'widowed';
export type FamilyRelation = 'spouse' | 'child' | 'parent' | 'sibling' | 'grandchild' | 'other';
export type SubmissionChannel = 'egov-portal' | 'egov-mobile' | 'con' | 'enbek';

/** Kandas status is granted separately (4 working days in the "one application" bundle). */
export interface KandasStatus {
  readonly certificateNumber: string;
  readonly issuedOn: CalendarDate;
}

/** A resettler: a job seeker at a career centre, ≥ 1 year of permanent registration in the region left. */
export interface ResettlerOrigin {
  readonly originRegion: RegionCode;
  readonly permanentRegistrationSince: CalendarDate;
  readonly careerCentre: {
    readonly name: string;
    readonly registrationNumber: string;
    readonly registeredOn: CalendarDate;
  };
}

export interface Contacts {
  readonly phone: string;
  readonly email?: string;
  readonly address?: string;
}

export interface Applicant {
  readonly iin: string;
  readonly name: PersonName;
  /** The name in Latin letters as in the passport, when it differs from `name`. */
  readonly nameLatin?: PersonName;
  readonly birthDate: CalendarDate;
  readonly category: ApplicantCategory;
  readonly kandasStatus?: KandasStatus;
  readonly resettler?: ResettlerOrigin;
  readonly maritalStatus: MaritalStatus;
  /** Required when divorced: a divorce within the last 36 months needs its certificate. */
  readonly divorcedOn?: CalendarDate;
  readonly contacts: Contacts;
}

export interface ForeignDocument {
  readonly kind: string;
  readonly number: string;
  /** ISO 3166-1 alpha-3 code of the issuing country. */
  readonly issuingCountry: string;
}

/** A family member moving with the applicant: identified by an IIN, or by a foreign document. */
export interface FamilyMember {
  readonly relation: FamilyRelation;
  readonly name: PersonName;
  readonly birthDate: CalendarDate;
  readonly iin?: string;
  readonly foreignDocument?: ForeignDocument;
}

export interface AttachedDocument {
  readonly kind: DocumentKind;
  /** Where the file is stored (the portal's file reference); the file itself never enters events. */
  readonly fileRef: string;
  /** SHA-256 of the file, hex: what the reviewer saw is what was submitted. */
  readonly sha256: string;
  readonly issuedOn?: CalendarDate;
  readonly expiresOn?: CalendarDate;
}

export interface Consent {
  /** Consent to the use of personal data: the service cannot be provided without it. */
  readonly given: boolean;
  readonly givenAt: Instant;
}

/** What the applicant submits on the portal: the content that is digested and then signed. */
export interface ApplicationSubmission {
  readonly channel: SubmissionChannel;
  readonly consent: Consent;
  /** The receiving region: where the family moves, and whose quota counts it (ADR 20: `receivingRegion` before). */
  readonly region: RegionCode;
  /** The quota year: the year of the order whose quota counts the family (ADR 20: `quotaYear` before). */
  readonly year: number;
  /** Where the family intends to settle in the receiving region; its kind sets the rent subsidy's rate. */
  readonly settlement: { readonly kind: SettlementKind; readonly name?: string };
  readonly applicant: Applicant;
  readonly familyMembers: readonly FamilyMember[];
  readonly documents: readonly AttachedDocument[];
}

/**
 * The application's persons: the head of the family and each member. One number, one name (`persons`,
 * ADR 20): the seats it asks of the quota, the seats reserved, the persons the inclusion counts, and
 * what the relocation subsidy multiplies.
 */
export function personsIn(submission: Pick<ApplicationSubmission, 'familyMembers'>): number {
  return 1 + submission.familyMembers.length;
}

/** The quota an application counts against: its region, year and the applicant's category. */
export function quotaOf(submission: Pick<ApplicationSubmission, 'region' | 'year' | 'applicant'>): {
  region: ApplicationSubmission['region'];
  year: number;
  category: Applicant['category'];
} {
  return { region: submission.region, year: submission.year, category: submission.applicant.category };
}
