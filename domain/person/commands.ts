import type { Instant } from '../shared/calendar-date';
import type { PersonRole, ReleaseReason } from './events';

/**
 * Where the application holding a claim stands, as the handler finds it in that application's own
 * stream (a cross-aggregate fact, passed in like the time): `not-found` when no such application
 * was ever stored — its submission crashed or was refused after claiming.
 */
export type HolderStanding = 'not-found' | 'open' | 'included' | 'refused' | 'withdrawn';

/** An application about to be submitted takes the person (the applicant or a family member). */
export interface ClaimPerson {
  readonly type: 'ClaimPerson';
  readonly iin: string;
  readonly applicationId: string;
  readonly role: PersonRole;
  /** The IIN's path in the submission, named by the refusal (`familyMembers[2].iin`). */
  readonly field: string;
  /** Where the application now holding the person stands; absent when no other application holds them. */
  readonly holder?: HolderStanding;
  /** How long a claim whose application was never stored blocks the person (ADR 16). */
  readonly abandonAfterMs: number;
  readonly at: Instant;
}

/** The application no longer holds the person (refused, withdrawn, or its submission was refused). */
export interface ReleasePerson {
  readonly type: 'ReleasePerson';
  readonly iin: string;
  readonly applicationId: string;
  readonly reason: ReleaseReason;
  readonly at: Instant;
}

/** The application that names the person was included in a quota. */
export interface RecordPersonInclusion {
  readonly type: 'RecordPersonInclusion';
  readonly iin: string;
  readonly applicationId: string;
  readonly role: PersonRole;
  readonly at: Instant;
}

export type PersonCommand = ClaimPerson | ReleasePerson | RecordPersonInclusion;

/**
 * What the review process asks for every person of an application at once: it knows the
 * application, not its persons. The handler reads them from the application's submission (a
 * cross-aggregate fact, as ADR 6 has it) and sends each person the command above, its id derived
 * from this one's and the IIN.
 */
export type PersonsOfApplicationCommand =
  | {
      readonly type: 'ReleasePersons';
      readonly applicationId: string;
      readonly reason: ReleaseReason;
      readonly at: Instant;
    }
  | { readonly type: 'RecordInclusionOfPersons'; readonly applicationId: string; readonly at: Instant };
