import { applicationDecider, applicationStreamId, type ApplicationState } from '@domain/application';
import { personDecider, personStreamId, type HolderStanding, type PersonCommand } from '@domain/person';
import type { PersonState } from '@domain/person';
import {
  aggregateCacheOf,
  handleCommand,
  KANDAS_NAMESPACE,
  loadAggregate,
  uuidV5,
  WrongExpectedRevisionError,
} from '@libs/event-sourcing';
import type { AggregateCache, CommandContext, EventStore, EventTypeRegistry } from '@libs/event-sourcing';

/** Reloads after a concurrent append to one person's stream before giving up with the conflict. */
const ATTEMPTS = 8;

/**
 * Reads and writes of the Person streams, and the one fact about another aggregate a claim needs:
 * where the application holding a person stands.
 */
export class PersonStreams {
  private readonly cache: AggregateCache;

  constructor(
    private readonly store: EventStore,
    private readonly registry: EventTypeRegistry,
  ) {
    this.cache = aggregateCacheOf(store);
  }

  async person(iin: string): Promise<{ state: PersonState; revision: number }> {
    const { state, revision } = await loadAggregate(
      this.store,
      this.registry,
      personStreamId(iin),
      personDecider,
      undefined,
      this.cache,
    );
    return { state, revision };
  }

  async application(applicationId: string): Promise<ApplicationState> {
    const loaded = await loadAggregate(
      this.store,
      this.registry,
      applicationStreamId(applicationId),
      applicationDecider,
      undefined,
      this.cache,
    );
    return loaded.state;
  }

  async standingOf(applicationId: string): Promise<HolderStanding> {
    const { status } = await this.application(applicationId);
    if (status === 'none') return 'not-found';
    if (status === 'included' || status === 'refused' || status === 'withdrawn') return status;
    return 'open';
  }

  /**
   * Decides `commandFor(state)` on the person's stream and appends it at the revision it was decided
   * on. The command's id derives from `step`, the IIN and that revision, so a retry racing its first
   * attempt writes the same event ids (the store keeps one copy), while a step taken again after
   * the stream moved on (claim, release, claim) is a new command, not a replay of the old one.
   */
  async decide(
    iin: string,
    step: string,
    context: CommandContext,
    commandFor: (state: PersonState) => Promise<PersonCommand | null>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.person(iin);
      const command = await commandFor(state);
      if (command === null) return;
      const commandId = uuidV5(`person:${context.commandId}:${step}:${iin}:${revision}`, KANDAS_NAMESPACE);
      try {
        await handleCommand(this.store, this.registry, {
          streamId: personStreamId(iin),
          decider: personDecider,
          command,
          context: { ...context, commandId },
          expectedRevision: revision,
          cache: this.cache,
          claimsIdempotencyKey: false,
        });
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
