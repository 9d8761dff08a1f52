import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { evolveNoticeStream, initialNoticeStreamState, noticeStreamId, type NoticeEvent } from '@domain/notices';
import { commandIdCausedBy, EventTypeRegistry, PeriodicRound } from '@libs/event-sourcing';
import type { Clock, CommandOutcome, EventStore } from '@libs/event-sourcing';
import { retryDelayMs, type DeliveryBackoff } from './delivery-backoff';
import { NoticeStreamCommandMessage } from './notice-messages';
import type { NoticeQueue } from './notice-queue';
import type { PortalAnswer, PortalClient } from './portal-client';

export const NOTICE_DELIVERY_ACTOR = { id: 'notice-delivery', role: 'system' } as const;

export interface DeliveryOptions {
  readonly maxAttempts: number;
  readonly backoff: DeliveryBackoff;
  /** Jitter of the backoff; tests pass a seeded generator. */
  readonly random: () => number;
  /** Applications served by one round (their notices one after the other, the applications at once). */
  readonly applicationsPerRound: number;
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
 * pending notices in issue order. A failed attempt is recorded with the instant of the next one
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
      const answer = await this.portal.post(delivery.notice, now);
      const outcome = await this.record(
        applicationId,
        delivery.notice.noticeId,
        delivery.failedAttempts,
        answer,
        issued,
        at,
      );
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

  private record(
    applicationId: string,
    noticeId: string,
    failedAttempts: number,
    answer: PortalAnswer,
    issued: ReadonlyMap<string, StreamNotice>,
    revision: number,
  ): Promise<CommandOutcome<NoticeEvent>> {
    const now = this.clock.now();
    const cause = issued.get(noticeId)!;
    const command = answer.delivered
      ? ({ type: 'RecordNoticeDelivered', applicationId, noticeId, status: answer.status } as const)
      : ({
          type: 'RecordNoticeDeliveryFailure',
          applicationId,
          noticeId,
          reason: answer.reason,
          maxAttempts: this.options.maxAttempts,
          nextAttemptAt: new Date(
            now.getTime() + retryDelayMs(failedAttempts + 1, this.options.backoff, this.options.random),
          ).toISOString(),
        } as const);
    if (!answer.delivered) this.logger.warn(`Notice ${noticeId} of ${applicationId}: ${answer.reason}`);
    return this.commandBus.execute(
      new NoticeStreamCommandMessage(command, {
        // Two instances recording the same attempt on the same revision record it once.
        commandId: commandIdCausedBy(cause.eventId, `${command.type}@${revision}`),
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
