import {
  applicationDecider,
  type ApplicationCommandOf,
  type ApplicationEvent,
  type PersonIncludedElsewhere,
} from '@domain/application';
import { personsOf } from '@domain/person';
import { DomainError } from '@domain/shared/errors';
import type { CommandContext, CommandOutcome } from '@libs/event-sourcing';
import { PersonClaims } from './person-claims';
import { PersonStreams } from './person-streams';

type Submit = ApplicationCommandOf<'SubmitApplication'>;

/**
 * The submission of an application, with its persons claimed first (ADR 16): nothing is appended to
 * the application's stream unless every person it names is free for it, and nothing is left held
 * when the submission is refused.
 */
export class SubmissionWithClaims {
  constructor(
    private readonly streams: PersonStreams,
    private readonly claims: PersonClaims,
  ) {}

  async submit(
    command: Submit,
    context: CommandContext,
    append: () => Promise<CommandOutcome<ApplicationEvent>>,
  ): Promise<CommandOutcome<ApplicationEvent>> {
    const { applicationId, submission } = command;
    const state = await this.streams.application(applicationId);
    // Stored already: a retry is answered from the stream, and its persons are not claimed again
    // (they may have been released since, by a refusal or a withdrawal).
    if (state.status !== 'none') return append();
    // Deciding is pure: an invalid submission is refused before any person stream is touched.
    applicationDecider.decide(command, state);
    await this.claims.check(applicationId, submission, context);
    await this.claims.claimAll(applicationId, submission, context);
    try {
      return await append();
    } catch (error) {
      // Only a refusal is sure to have stored nothing; after a store fault the claims stay for the
      // retry to find, or are abandoned after the grace period.
      if (error instanceof DomainError)
        await this.claims.releaseAll(applicationId, personsOf(submission), 'submission-refused', context);
      throw error;
    }
  }

  /** The persons of an application already included through another one (for its review). */
  async includedElsewhere(applicationId: string): Promise<PersonIncludedElsewhere[]> {
    const state = await this.streams.application(applicationId);
    if (state.status === 'none') return [];
    const found: PersonIncludedElsewhere[] = [];
    for (const person of personsOf(state.submission)) {
      const { state: held } = await this.streams.person(person.iin);
      if (held.status === 'included' && held.inclusion.applicationId !== applicationId)
        found.push({ field: person.field, iin: person.iin, includedThrough: held.inclusion.applicationId });
    }
    return found;
  }
}
