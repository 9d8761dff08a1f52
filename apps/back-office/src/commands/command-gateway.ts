import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import type { ApplicationCommand } from '@domain/application';
import type { QuotaCommand } from '@domain/quota';
import { canonicalJson } from '@domain/shared/canonical-json';
import {
  CLOCK,
  CommandContext,
  CommandOutcome,
  ExpectedRevision,
  KANDAS_NAMESPACE,
  uuidV5,
} from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import { ApplicationCommandMessage, QuotaCommandMessage, READ_MODELS_DB, Untimed } from '@libs/workflow';
import { SqliteIdempotencyKeys } from '@infra/idempotency/sqlite-idempotency-keys';
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

/** From an HTTP request to a command on the CommandBus, and back to an answer with revision and position. */
@Injectable()
export class CommandGateway {
  private readonly idempotencyKeys: SqliteIdempotencyKeys;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: CommandMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODELS_DB) db: Database.Database,
  ) {
    this.idempotencyKeys = new SqliteIdempotencyKeys(db);
  }

  /** The command id of a request: derived from its Idempotency-Key when it has one. */
  commandIdFor(meta: RequestMeta): string {
    if (!meta.idempotencyKey) return randomUUID();
    const commandId = uuidV5(`http:${meta.actor.id}:${meta.idempotencyKey}`, KANDAS_NAMESPACE);
    const fingerprint = createHash('sha256').update(canonicalJson(meta.fingerprint)).digest('hex');
    const claim = this.idempotencyKeys.claim(
      meta.actor.id,
      meta.idempotencyKey,
      fingerprint,
      commandId,
      this.clock.now(),
    );
    if (claim.kind === 'reused-for-another-request') {
      throw new HttpProblem(
        problem(
          422,
          'REQUEST.IDEMPOTENCY_KEY_REUSED',
          'Idempotency-Key reused',
          'This Idempotency-Key was used for a different request; use a new key',
        ),
      );
    }
    return claim.commandId;
  }

  context(meta: RequestMeta, commandId: string): CommandContext {
    return {
      commandId,
      correlationId: meta.correlationId ?? commandId,
      causationId: commandId,
      actor: meta.actor,
      now: this.clock.now(),
    };
  }

  async application(
    command: Untimed<ApplicationCommand>,
    meta: RequestMeta,
    commandId = this.commandIdFor(meta),
  ): Promise<CommandResponse> {
    return this.run(
      command.type,
      new ApplicationCommandMessage(command, this.context(meta, commandId), expectedRevision(meta.ifMatch)),
    );
  }

  async quota(
    command: Untimed<QuotaCommand>,
    meta: RequestMeta,
    commandId = this.commandIdFor(meta),
  ): Promise<CommandResponse> {
    return this.run(
      command.type,
      new QuotaCommandMessage(command, this.context(meta, commandId), expectedRevision(meta.ifMatch)),
    );
  }

  private async run(type: string, message: ApplicationCommandMessage | QuotaCommandMessage): Promise<CommandResponse> {
    try {
      const outcome: CommandOutcome = await this.commandBus.execute(message);
      this.metrics.record(type, outcome.alreadyHandled ? 'already-handled' : 'accepted', outcome.events.length);
      return {
        streamId: outcome.streamId,
        revision: outcome.revision,
        position: outcome.position === null ? null : outcome.position.toString(),
        events: outcome.events.map((e) => e.type),
        alreadyHandled: outcome.alreadyHandled,
        correlationId: outcome.correlationId,
      };
    } catch (error) {
      this.metrics.record(type, 'refused', 0);
      throw error;
    }
  }
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
