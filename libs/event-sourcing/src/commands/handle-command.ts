import { eventIdFor } from '../ids/uuid';
import { EventTypeRegistry } from '../registry';
import {
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  satisfiesExpectedRevision,
  WrongExpectedRevisionError,
} from '../store';
import { AggregateCache, loadAggregate, lastPosition } from './aggregate-loader';
import { CommandContext, metadataFor } from './command-context';
import { claimIdempotencyKey } from './idempotency-key-claim';
import { assertSameRequest } from './request-fingerprint';
import { Decider, DomainEvent } from './decider';

export interface CommandTarget<Command, Event extends DomainEvent, State> {
  readonly streamId: string;
  readonly decider: Decider<Command, Event, State>;
  readonly command: Command;
  readonly context: CommandContext;
  /**
   * The revision the client last saw (HTTP If-Match). Given: a concurrent change is a conflict the
   * client must resolve. Omitted: the handler reloads and decides again on a conflict.
   */
  readonly expectedRevision?: ExpectedRevision;
  /** Reloads after a concurrent append before giving up with the conflict; default 3. */
  readonly retriesOnConflict?: number;
  /** Folds kept between commands, so a load reads only what was appended since (AggregateCache). */
  readonly cache?: AggregateCache;
  /**
   * False for a step done on behalf of another command (a person claimed for a submission): its
   * id is derived, not the HTTP key's, and the key is claimed by the command that owns it.
   * Default true (`claimIdempotencyKey`, ADR 17).
   */
  readonly claimsIdempotencyKey?: boolean;
}

export interface CommandOutcome<Event extends DomainEvent = DomainEvent> {
  readonly streamId: string;
  /** The stream's revision after the command (unchanged when it decided nothing). */
  readonly revision: number;
  /** Position of the command's last event; null when it appended nothing. */
  readonly position: Position | null;
  readonly events: readonly Event[];
  /** True when this command id had already been handled: nothing new was appended. */
  readonly alreadyHandled: boolean;
  /** The correlation the command's events carry (a retry answers with the first attempt's). */
  readonly correlationId: string;
}

/**
 * Load → decide → append, the whole of a command handler. The expected revision is the revision
 * that was loaded, so a decision taken on stale state can never be stored. Event ids derive from the
 * command id: a retry that races its first attempt is deduplicated by the store itself. A retry
 * must be the request that first used the command id (`requestFingerprint`, when it has one).
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  registry: EventTypeRegistry,
  target: CommandTarget<Command, Event, State>,
): Promise<CommandOutcome<Event>> {
  const { streamId, decider, command, context } = target;
  let keyClaimed = false;
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadAggregate(store, registry, streamId, decider, context.commandId, target.cache);
    if (loaded.handled.length > 0) {
      assertSameRequest(loaded.handled, context.commandId, context.requestFingerprint);
      const last = loaded.handled[loaded.handled.length - 1]!;
      const events = loaded.handled.map((e) => ({ type: e.type, data: e.data }) as Event);
      return {
        streamId,
        revision: last.revision,
        position: lastPosition(loaded.handled),
        events,
        alreadyHandled: true,
        correlationId: last.metadata.correlationId,
      };
    }
    // 'no-stream' and 'stream-exists' compare with the loaded revision too (-1 for a stream with no event).
    if (target.expectedRevision !== undefined && !satisfiesExpectedRevision(target.expectedRevision, loaded.revision)) {
      throw new WrongExpectedRevisionError(streamId, target.expectedRevision, loaded.revision);
    }
    const events = decider.decide(command, loaded.state);
    if (events.length === 0) {
      return {
        streamId,
        revision: loaded.revision,
        position: null,
        events,
        alreadyHandled: false,
        correlationId: context.correlationId,
      };
    }
    // Only a command that will append claims its key: a refusal leaves the key free for a corrected request.
    if (!keyClaimed && target.claimsIdempotencyKey !== false) {
      await claimIdempotencyKey(store, context, streamId);
      keyClaimed = true;
    }
    const metadata = metadataFor(context);
    const toAppend: NewEvent[] = events.map((event, index) => ({
      eventId: eventIdFor(context.commandId, index),
      type: event.type,
      schemaVersion: registry.currentVersion(event.type),
      data: event.data,
      metadata,
    }));
    try {
      const expectedRevision = loaded.revision === -1 ? 'no-stream' : loaded.revision;
      const appended = await store.append(streamId, toAppend, { expectedRevision });
      // Stored already by a concurrent run of this command id: reload, so the stored request is compared with this one.
      if (appended.alreadyStored === true && context.requestFingerprint !== undefined && attempt < 3) continue;
      return {
        streamId,
        revision: appended.nextExpectedRevision,
        position: appended.position,
        events,
        alreadyHandled: appended.alreadyStored === true,
        correlationId: context.correlationId,
      };
    } catch (error) {
      const mayRetry = target.expectedRevision === undefined && attempt < (target.retriesOnConflict ?? 3);
      if (!(error instanceof WrongExpectedRevisionError) || !mayRetry) throw error;
    }
  }
}
