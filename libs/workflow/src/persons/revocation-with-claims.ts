import {
  applicationDecider,
  type ApplicationCommandOf,
  type ApplicationEvent,
  type ApplicationState,
} from '@domain/application';
import { personsOf } from '@domain/person';
import { DomainError } from '@domain/shared/errors';
import type { CommandContext, CommandOutcome } from '@libs/event-sourcing';
import { PersonClaims } from './person-claims';
import { PersonStreams } from './person-streams';

type Revoking = ApplicationCommandOf<'SatisfyComplaint' | 'RecordAuthorityDecision'>;

/**
 * A refusal revoked on a complaint puts the application back in play (ADR 32, ADR 16): its refusal
 * released its persons, so they are claimed for it again before the revocation is stored, exactly as
 * a submission claims them. A person meanwhile named on another open application, or included
 * through one, is the refusal of the revocation (409, naming the person's field and the other
 * application): the applicant withdraws the other application first, for support is received once;
 * nothing is appended and the claims taken are given back.
 */
export class RevocationWithClaims {
  constructor(
    private readonly streams: PersonStreams,
    private readonly claims: PersonClaims,
  ) {}

  async revoke(
    command: Revoking,
    context: CommandContext,
    append: () => Promise<CommandOutcome<ApplicationEvent>>,
  ): Promise<CommandOutcome<ApplicationEvent>> {
    const state = await this.streams.application(command.applicationId);
    if (!revokesARefusal(command, state)) return append();
    const { submission } = state;
    await this.claims.check(command.applicationId, submission, context);
    await this.claims.claimAll(command.applicationId, submission, context, 'application-refused');
    try {
      return await append();
    } catch (error) {
      // As for a submission: only a refusal is sure to have stored nothing; the refusal stands.
      if (error instanceof DomainError)
        await this.claims.releaseAll(command.applicationId, personsOf(submission), 'application-refused', context);
      throw error;
    }
  }
}

/** Deciding is pure: whether this command, on this state, would revoke the application's refusal. */
function revokesARefusal(
  command: Revoking,
  state: ApplicationState,
): state is Extract<ApplicationState, { status: 'refused' }> {
  if (state.status !== 'refused') return false;
  try {
    return applicationDecider.decide(command, state).some((event) => event.type === 'DecisionRevoked');
  } catch (error) {
    // Refused here: the append answers, with a retry's stored outcome (a complaint satisfied, then
    // refused anew for a full quota, closes the complaint) or with this same refusal.
    if (error instanceof DomainError) return false;
    throw error;
  }
}
