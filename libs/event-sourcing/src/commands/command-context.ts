import { Actor, EventMetadata } from '../store';

/** Who issues a command, why, and when: it becomes the metadata of every event the command causes. */
export interface CommandContext {
  /** Unique per intent: a retried command keeps its id and is then a no-op. */
  readonly commandId: string;
  readonly correlationId: string;
  /** The command id for a user's command; the causing event id for a saga's. */
  readonly causationId: string;
  readonly actor: Actor;
  readonly now: Date;
  /** The digest of the HTTP request whose Idempotency-Key the command id came from, if any. */
  readonly requestFingerprint?: string;
}

export function metadataFor(context: CommandContext): EventMetadata {
  return {
    correlationId: context.correlationId,
    causationId: context.causationId,
    commandId: context.commandId,
    actor: { id: context.actor.id, role: context.actor.role },
    occurredAt: context.now.toISOString(),
    ...(context.requestFingerprint === undefined ? {} : { requestFingerprint: context.requestFingerprint }),
  };
}
