/**
 * The parts of the submission the API declares as free-form objects (`applicant`, `contacts`,
 * `familyMembers[]`: their fields follow the submission's schema version), read as the current
 * version writes them. Every field is optional here: a screen shows what is there and "—" for the rest.
 */
export interface PersonName {
  readonly lastName?: string;
  readonly firstName?: string;
  readonly patronymic?: string;
}

export interface SubmittedApplicant {
  readonly iin?: string;
  readonly name?: PersonName;
  readonly nameLatin?: PersonName;
  readonly birthDate?: string;
  readonly category?: string;
  readonly maritalStatus?: string;
  readonly divorcedOn?: string;
  readonly kandasStatus?: { readonly certificateNumber?: string; readonly issuedOn?: string };
  readonly resettler?: {
    readonly originRegion?: string;
    readonly permanentRegistrationSince?: string;
    readonly careerCentre?: {
      readonly name?: string;
      readonly registrationNumber?: string;
      readonly registeredOn?: string;
    };
  };
}

export interface SubmittedContacts {
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
}

export interface SubmittedFamilyMember {
  readonly relation?: string;
  readonly name?: PersonName;
  readonly birthDate?: string;
  readonly iin?: string;
  readonly foreignDocument?: { readonly kind?: string; readonly number?: string; readonly issuingCountry?: string };
}

export interface Finding {
  readonly documentIndex: number;
  readonly accepted: boolean;
  readonly note?: string;
}

export function fullName(name: PersonName | undefined): string {
  return [name?.lastName, name?.firstName, name?.patronymic].filter(Boolean).join(' ') || '—';
}
