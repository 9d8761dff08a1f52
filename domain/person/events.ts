import { DomainEvent } from '../shared/decider';
import { FIRST_VERSION, type EventSchema } from '../shared/event-schema';
import type { Instant } from '../shared/calendar-date';

/** How the person figures on an application: its applicant, or a family member moving with them. */
export type PersonRole = 'applicant' | 'family-member';

/** An application took the person: until it is released, no other application may name them. */
export type PersonClaimed = DomainEvent<
  'PersonClaimed',
  {
    readonly iin: string;
    readonly applicationId: string;
    readonly role: PersonRole;
    /** Where the IIN stands in that application's submission (`applicant.iin`, `familyMembers[1].iin`). */
    readonly field: string;
    readonly claimedAt: Instant;
  }
>;

/**
 * Why a claim ended without an inclusion: the application was refused or withdrawn, its submission
 * was itself refused after the claim (the compensation), or the application never came to exist
 * within the grace period (a crash between the claim and the submission: the claim is abandoned).
 */
export type ReleaseReason =
  'application-refused' | 'application-withdrawn' | 'submission-refused' | 'claim-abandoned' | 'decision-revoked';

export type PersonReleased = DomainEvent<
  'PersonReleased',
  { readonly iin: string; readonly applicationId: string; readonly reason: ReleaseReason; readonly releasedAt: Instant }
>;

/** The person was included in a quota through this application: support is theirs, once. */
export type PersonIncluded = DomainEvent<
  'PersonIncluded',
  { readonly iin: string; readonly applicationId: string; readonly role: PersonRole; readonly includedAt: Instant }
>;

export type PersonEvent = PersonClaimed | PersonReleased | PersonIncluded;
export type PersonEventType = PersonEvent['type'];

/** The stored schema of every Person event type (mapped: a new type does not compile without one). */
export const PERSON_EVENT_SCHEMAS: { readonly [T in PersonEventType]: EventSchema } = {
  PersonClaimed: FIRST_VERSION,
  PersonReleased: FIRST_VERSION,
  PersonIncluded: FIRST_VERSION,
};
