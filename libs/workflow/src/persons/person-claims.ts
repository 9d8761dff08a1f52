import type { ApplicationSubmission } from '@domain/application';
import {
  personDecider,
  personsOf,
  type ClaimPerson,
  type NamedPerson,
  type PersonState,
  type ReleaseReason,
} from '@domain/person';
import { DomainError } from '@domain/shared/errors';
import type { CommandContext } from '@libs/event-sourcing';
import { PersonStreams } from './person-streams';

/** How long a claim whose application never came to exist blocks its person (ADR 16). */
export interface PersonClaimPolicy {
  readonly abandonAfterMs: number;
}

export const PERSON_CLAIM_POLICY = Symbol('PersonClaimPolicy');

/** Fifteen minutes: far longer than any submission takes, short enough for a portal user retrying. */
export const DEFAULT_PERSON_CLAIM_POLICY: PersonClaimPolicy = { abandonAfterMs: 15 * 60_000 };

/**
 * The persons of a submission, claimed for its application before the application is stored, so
 * no person is on two open applications (ADR 16). Claims are taken one stream at a time in IIN
 * order; the first refused claim releases those this submission took (the compensation) and the
 * refusal is the answer. A claim that fails for any other reason (the store unavailable, a conflict
 * that outlasted the reloads) may have been stored all the same, and a release would then undo what
 * the retry needs: the claims stay, for the retry with the same key to find (or to be abandoned
 * after the grace period).
 */
export class PersonClaims {
  constructor(
    private readonly streams: PersonStreams,
    private readonly policy: PersonClaimPolicy,
  ) {}

  /** Without writing: the refusal a claim would give now, so a plain duplicate appends nothing at all. */
  async check(applicationId: string, submission: ApplicationSubmission, context: CommandContext): Promise<void> {
    for (const person of personsOf(submission)) {
      const { state } = await this.streams.person(person.iin);
      // Deciding is pure: it throws the refusal, and what it would append is dropped.
      personDecider.decide(await this.claimOf(person, applicationId, context)(state), state);
    }
  }

  /** Claims every person; the first refused claim gives back those taken, released for `compensation`. */
  async claimAll(
    applicationId: string,
    submission: ApplicationSubmission,
    context: CommandContext,
    compensation: ReleaseReason = 'submission-refused',
  ): Promise<void> {
    const taken: NamedPerson[] = [];
    try {
      for (const person of personsOf(submission)) {
        await this.streams.decide(person.iin, 'claim', context, this.claimOf(person, applicationId, context));
        taken.push(person);
      }
    } catch (error) {
      // Only a refusal is sure to have stored nothing (ADR 16).
      if (error instanceof DomainError) await this.releaseAll(applicationId, taken, compensation, context);
      throw error;
    }
  }

  async releaseAll(
    applicationId: string,
    persons: readonly NamedPerson[],
    reason: ReleaseReason,
    context: CommandContext,
  ): Promise<void> {
    for (const person of persons) {
      await this.streams.decide(person.iin, `release-${reason}`, context, async (state) =>
        state.status === 'claimed' && state.claim.applicationId === applicationId
          ? { type: 'ReleasePerson', iin: person.iin, applicationId, reason, at: context.now.toISOString() }
          : null,
      );
    }
  }

  private claimOf(
    person: NamedPerson,
    applicationId: string,
    context: CommandContext,
  ): (state: PersonState) => Promise<ClaimPerson> {
    return async (state) => {
      const heldByAnother = state.status === 'claimed' && state.claim.applicationId !== applicationId;
      const holder = heldByAnother ? await this.streams.standingOf(state.claim.applicationId) : undefined;
      return {
        type: 'ClaimPerson',
        iin: person.iin,
        applicationId,
        role: person.role,
        field: person.field,
        ...(holder ? { holder } : {}),
        abandonAfterMs: this.policy.abandonAfterMs,
        at: context.now.toISOString(),
      };
    };
  }
}
