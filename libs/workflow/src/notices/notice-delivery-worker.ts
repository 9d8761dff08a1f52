import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  evolveNoticeStream,
  initialNoticeStreamState,
  noticeStreamId,
  type NoticeDelivery,
  type NoticeEvent,
} from '@domain/notices';
import { commandIdCausedBy, eventIdFor, EventTypeRegistry, PeriodicRound } from '@libs/event-sourcing';
import type { Clock, CommandOutcome, EventStore } from '@libs/event-sourcing';
import { retryDelayMs, type DeliveryBackoff } from './delivery-backoff';
import { NoticeStreamCommandMessage } from './notice-messages';
import type { NoticeQueue } from './notice-queue';
import type { PortalAnswer, PortalClient } from './portal-client';

export const NOTICE_DELIVERY_ACTOR = { id: 'notice-delivery', role: 'system' } as const;

/**
 * How long a claim outlives the post's own timeout before another instance may take the notice over:
 * room for recording the outcome and for the instances' clocks to differ (they must agree within it).
 */
export const CLAIM_MARGIN_MS = 60_000;

export interface DeliveryOptions {
  readonly maxAttempts: number;
  readonly backoff: DeliveryBackoff;
  /** Jitter of the backoff; tests pass a seeded generator. */
  readonly random: () => number;
  /** Applications served by one round (their notices one after the other, the applications at once). */
  readonly applicationsPerRound: number;
  /** This instance, as its claims name it (the id kept in its read-models file, ADR 35). */
  readonly instanceId: string;
  /** How long a claim keeps other instances off: the post's timeout and `CLAIM_MARGIN_MS`. */
  readonly claimHoldMs: number;
}

/** What one round did: the figures a test or an operator quotes. */
export interface DeliveryRound {
  readonly attempts: number;
  readonly delivered: number;
  readonly failed: number;
  readonly parked: number;
}

interface StreamNotice {
  readonly eventId: string;
  readonly correlationId: string;
}

/**
 * Delivers the notice streams (the outbox) to the portal, at least once, in order per application:
 * a round takes the applications with a notice due (from the delivery read model), folds each one's
 * notice stream — the truth, so a notice recorded delivered is never sent again — and posts its
 * pending notices in issue order. Each post is claimed on the stream first: every instance of the
 * service runs this worker, and the claim, appended at the revision the worker read, lets only one
 * of them post a notice (ADR 35); an application whose notice another instance holds is left to it
 * for this round. A failed attempt is recorded with the instant of the next one
 * (exponential backoff with jitter on the injected clock) and stops that application's round: the
 * next notice waits until this one is delivered or parked. Every outcome is a fact on the stream;
 * a crash between the portal's answer and the record only repeats the post, which the portal
 * recognises by its `Idempotency-Key` (ADR 28).
 */
export class NoticeDeliveryWorker {
  private readonly logger = new Logger('NoticeDelivery');
  private readonly rounds = new PeriodicRound(() => this.round());

  constructor(
    private readonly store: EventStore,
    private readonly registry: EventTypeRegistry,
    private readonly commandBus: CommandBus,
    private readonly queue: NoticeQueue,
    private readonly portal: PortalClient,
    private readonly clock: Clock,
    private readonly options: DeliveryOptions,
  ) {}

  /** One round over the applications due now; a round already running is joined, not doubled. */
  deliverDue(): Promise<DeliveryRound> {
    return this.rounds.run();
  }

  start(intervalMs: number): void {
    this.rounds.start(intervalMs, (error) =>
      this.logger.error(`Notice round failed: ${error.message}; tried again at the next tick`),
    );
  }

  stop(): void {
    this.rounds.stop();
  }

  private async round(): Promise<DeliveryRound> {
    const due = this.queue.applicationsDue(this.clock.now(), this.options.applicationsPerRound);
    const rounds = await Promise.all(
      due.map((applicationId) =>
        this.deliverApplication(applicationId).catch((error: unknown) => {
          this.logger.error(`Notices of ${applicationId}: ${(error as Error).message}; tried again next round`);
          return NOTHING;
        }),
      ),
    );
    return rounds.reduce(sum, NOTHING);
  }

  private async deliverApplication(applicationId: string): Promise<DeliveryRound> {
    const { state, revision, issued } = await this.load(applicationId);
    let total = NOTHING;
    let at = revision;
    for (const delivery of state.notices) {
      if (delivery.status !== 'pending') continue;
      const now = this.clock.now();
      if (delivery.nextAttemptAt !== null && Date.parse(delivery.nextAttemptAt) > now.getTime()) break;
      const cause = issued.get(delivery.notice.noticeId)!;
      const claim = await this.claim(applicationId, delivery, cause, at, now);
      if (claim === null) break;
      const answer = await this.portal.post(delivery.notice, now);
      const outcome = await this.record(applicationId, delivery, answer, cause, claim);
      at = outcome.revision;
      const parked = outcome.events.some((event) => event.type === 'NoticeParked');
      total = sum(total, {
        attempts: 1,
        delivered: answer.delivered ? 1 : 0,
        failed: answer.delivered ? 0 : 1,
        parked: parked ? 1 : 0,
      });
      if (!answer.delivered && !parked) break;
    }
    return total;
  }

  /**
   * Claims the next attempt at the notice before it is posted; the claim's event id, or null when the
   * notice is not this instance's to post now (another one holds it, or the stream moved past what
   * this round read). The command id is this instance's at the revision it read, so a second
   * instance's claim is another append at the same revision: the store refuses it, and its reload
   * finds the first claim.
   */
  private async claim(
    applicationId: string,
    delivery: NoticeDelivery,
    cause: StreamNotice,
    revision: number,
    now: Date,
  ): Promise<string | null> {
    const commandId = commandIdCausedBy(cause.eventId, `ClaimNoticeDelivery@${revision}:${this.options.instanceId}`);
    const outcome: CommandOutcome<NoticeEvent> = await this.commandBus.execute(
      new NoticeStreamCommandMessage(
        {
          type: 'ClaimNoticeDelivery',
          applicationId,
          noticeId: delivery.notice.noticeId,
          claimant: this.options.instanceId,
          holdForMs: this.options.claimHoldMs,
        },
        {
          commandId,
          correlationId: cause.correlationId,
          causationId: cause.eventId,
          actor: NOTICE_DELIVERY_ACTOR,
          now,
        },
      ),
    );
    return outcome.events.length > 0 ? eventIdFor(commandId, 0) : null;
  }

  /** Records what the portal answered to the claimed attempt; its id derives from the claim, so it is recorded once. */
  private record(
    applicationId: string,
    delivery: NoticeDelivery,
    answer: PortalAnswer,
    cause: StreamNotice,
    claimEventId: string,
  ): Promise<CommandOutcome<NoticeEvent>> {
    const now = this.clock.now();
    const { noticeId } = delivery.notice;
    const command = answer.delivered
      ? ({ type: 'RecordNoticeDelivered', applicationId, noticeId, status: answer.status } as const)
      : ({
          type: 'RecordNoticeDeliveryFailure',
          applicationId,
          noticeId,
          claimant: this.options.instanceId,
          reason: answer.reason,
          maxAttempts: this.options.maxAttempts,
          nextAttemptAt: new Date(
            now.getTime() + retryDelayMs(delivery.failedAttempts + 1, this.options.backoff, this.options.random),
          ).toISOString(),
        } as const);
    if (!answer.delivered) this.logger.warn(`Notice ${noticeId} of ${applicationId}: ${answer.reason}`);
    return this.commandBus.execute(
      new NoticeStreamCommandMessage(command, {
        commandId: commandIdCausedBy(claimEventId, command.type),
        correlationId: cause.correlationId,
        causationId: cause.eventId,
        actor: NOTICE_DELIVERY_ACTOR,
        now,
      }),
    );
  }

  private async load(applicationId: string) {
    let state = initialNoticeStreamState();
    let revision = -1;
    const issued = new Map<string, StreamNotice>();
    for await (const stored of this.store.readStream(noticeStreamId(applicationId))) {
      const event = this.registry.upcast(stored) as unknown as NoticeEvent;
      state = evolveNoticeStream(state, event);
      revision = stored.revision;
      if (event.type === 'NoticeIssued')
        issued.set(event.data.noticeId, { eventId: stored.eventId, correlationId: stored.metadata.correlationId });
    }
    return { state, revision, issued };
  }
}

const NOTHING: DeliveryRound = { attempts: 0, delivered: 0, failed: 0, parked: 0 };

function sum(a: DeliveryRound, b: DeliveryRound): DeliveryRound {
  return {
    attempts: a.attempts + b.attempts,
    delivered: a.delivered + b.delivered,
    failed: a.failed + b.failed,
    parked: a.parked + b.parked,
  };
}
