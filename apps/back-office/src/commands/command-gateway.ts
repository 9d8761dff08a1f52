import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import type { ApplicationCommand } from '@domain/application';
import type { QuotaCommand } from '@domain/quota';
import { canonicalJson } from '@domain/shared/canonical-json';
import {
  CLOCK,
  CommandContext,
  CommandOutcome,
  DomainEvent,
  DuplicateEventIdError,
  ExpectedRevision,
  IdempotencyKeyReusedError,
  KANDAS_NAMESPACE,
  uuidV5,
} from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import type { LawCommand, Untimed as UntimedLaw } from '@domain/law';
import type { DecidedSupportCommand } from '@domain/support';
import {
  ApplicationCommandMessage,
  LawCommandMessage,
  QuotaCommandMessage,
  SupportCommandMessage,
  Untimed,
} from '@libs/workflow';
import type { AuthenticatedActor } from '../auth/roles';
import { HttpProblem, problem } from '../http/problem';
import { CommandMetrics } from '../observability/command-metrics';

/** What the HTTP request adds to a command: who, the retry key, the revision the client saw, the correlation. */
export interface RequestMeta {
  readonly actor: AuthenticatedActor;
  readonly idempotencyKey?: string;
  readonly ifMatch?: string;
  readonly correlationId?: string;
  /** Method, route and body: a key reused for another request is refused. */
  readonly fingerprint: unknown;
}

export interface CommandResponse {
  readonly streamId: string;
  /** The stream's revision after the command: send it back as If-Match to detect concurrent changes. */
  readonly revision: number;
  /** Global position of the command's last event (a string: positions are 64-bit); wait for it with `atLeast`. */
  readonly position: string | null;
  readonly events: readonly string[];
  /** True when this was a retry of a command already handled: nothing new was appended. */
  readonly alreadyHandled: boolean;
  /**
   * What the command's events carry as their correlation (the X-Correlation-Id sent, else the command
   * id): the key to everything it caused, `GET /audit/correlations/{correlationId}`. Also a header.
   */
  readonly correlationId: string;
}

/** A command's answer and the events it decided (or, on a retry, had stored), for a controller that reads them. */
export interface CommandResult {
  readonly response: CommandResponse;
  readonly events: readonly DomainEvent[];
}

/**
 * From an HTTP request to a command on the CommandBus, and back to an answer with revision and position.
 *
 * Idempotency-Key: the command id derives from the actor and the key, so a retry is the same command
 * (the store and `handleCommand` make it a no-op that answers like the first time); the request's
 * fingerprint goes into the metadata of the events the command appends, and a retry whose stored
 * events carry another fingerprint is refused. Both live in the event store, so they hold on every
 * instance that shares it (ADR 17; before, the fingerprints were kept in each instance's own file).
 */
@Injectable()
export class CommandGateway {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: CommandMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The command id of a request: derived from its Idempotency-Key when it has one. */
  commandIdFor(meta: RequestMeta): string {
    if (!meta.idempotencyKey) return randomUUID();
    return uuidV5(`http:${meta.actor.id}:${meta.idempotencyKey}`, KANDAS_NAMESPACE);
  }

  context(meta: RequestMeta, commandId: string): CommandContext {
    return {
      commandId,
      correlationId: meta.correlationId ?? commandId,
      causationId: commandId,
      actor: meta.actor,
      now: this.clock.now(),
      ...(meta.idempotencyKey ? { requestFingerprint: fingerprintOf(meta) } : {}),
    };
  }

  async application(
    command: Untimed<ApplicationCommand>,
    meta: RequestMeta,
    commandId = this.commandIdFor(meta),
  ): Promise<CommandResponse> {
    return (await this.applicationWithEvents(command, meta, commandId)).response;
  }

  /** As `application`, with the events decided: for an answer made of their data (the expiry of a code). */
  async applicationWithEvents(
    command: Untimed<ApplicationCommand>,
    meta: RequestMeta,
    commandId = this.commandIdFor(meta),
  ): Promise<CommandResult> {
    return this.run(
      command.type,
      new ApplicationCommandMessage(command, this.context(meta, commandId), expectedRevision(meta.ifMatch)),
      meta,
    );
  }

  async quota(
    command: Untimed<QuotaCommand>,
    meta: RequestMeta,
    commandId = this.commandIdFor(meta),
  ): Promise<CommandResponse> {
    const message = new QuotaCommandMessage(command, this.context(meta, commandId), expectedRevision(meta.ifMatch));
    return (await this.run(command.type, message, meta)).response;
  }

  /** A command on a family's support stream (ADR 33): If-Match is that stream's revision. */
  async support(
    command: Untimed<DecidedSupportCommand>,
    meta: RequestMeta,
    commandId = this.commandIdFor(meta),
  ): Promise<CommandResponse> {
    const message = new SupportCommandMessage(command, this.context(meta, commandId), expectedRevision(meta.ifMatch));
    return (await this.run(command.type, message, meta)).response;
  }

  /** An amendment of the law (ADR 22): If-Match is the revision of the table's stream. */
  async law(
    command: UntimedLaw<LawCommand>,
    meta: RequestMeta,
    commandId = this.commandIdFor(meta),
  ): Promise<CommandResponse> {
    const message = new LawCommandMessage(command, this.context(meta, commandId), expectedRevision(meta.ifMatch));
    return (await this.run(command.type, message, meta)).response;
  }

  private async run(
    type: string,
    message: ApplicationCommandMessage | QuotaCommandMessage | LawCommandMessage | SupportCommandMessage,
    meta: RequestMeta,
  ): Promise<CommandResult> {
    try {
      const outcome: CommandOutcome = await this.commandBus.execute(message);
      this.metrics.record(type, outcome.alreadyHandled ? 'already-handled' : 'accepted', outcome.events.length);
      const response: CommandResponse = {
        streamId: outcome.streamId,
        revision: outcome.revision,
        position: outcome.position === null ? null : outcome.position.toString(),
        events: outcome.events.map((e) => e.type),
        alreadyHandled: outcome.alreadyHandled,
        correlationId: outcome.correlationId,
      };
      return { response, events: outcome.events };
    } catch (error) {
      this.metrics.record(type, 'refused', 0);
      throw keyReused(error, meta) ?? error;
    }
  }
}

/** Method, route and body of the request, as a SHA-256 digest (base64url) recorded with its events. */
function fingerprintOf(meta: RequestMeta): string {
  return createHash('sha256').update(canonicalJson(meta.fingerprint)).digest('base64url');
}

/**
 * The key reused for another request: found by `handleCommand` in the stored events of the same
 * stream, or — a key reused on another stream — by the embedded store, whose event ids (derived from
 * the key) are unique across streams, and on EventStoreDB (ids unique per stream only) by the key's
 * claim stream, `idempotency-<command id>` (`claimIdempotencyKey`, ADR 17).
 */
function keyReused(error: unknown, meta: RequestMeta): HttpProblem | null {
  const reused =
    error instanceof IdempotencyKeyReusedError || (error instanceof DuplicateEventIdError && !!meta.idempotencyKey);
  if (!reused) return null;
  return new HttpProblem(
    problem(
      422,
      'REQUEST.IDEMPOTENCY_KEY_REUSED',
      'Idempotency-Key reused',
      'This Idempotency-Key was used for a different request; use a new key',
    ),
  );
}

/** `If-Match: "3"` (or `3`): the revision the client last saw; a concurrent change is then a 409. */
function expectedRevision(ifMatch: string | undefined): ExpectedRevision | undefined {
  if (ifMatch === undefined) return undefined;
  const match = /^(?:W\/)?"?(-1|\d{1,15})"?$/.exec(ifMatch.trim());
  if (!match)
    throw new HttpProblem(
      problem(400, 'REQUEST.INVALID_IF_MATCH', 'Invalid If-Match', 'If-Match must be a stream revision, e.g. "3"'),
    );
  return Number(match[1]) === -1 ? 'no-stream' : Number(match[1]);
}
