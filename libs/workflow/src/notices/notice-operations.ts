import { CommandBus } from '@nestjs/cqrs';
import { applicationStreamId } from '@domain/application';
import {
  evolveNoticeStream,
  initialNoticeStreamState,
  NoticeError,
  NoticeErrorCode,
  noticeStreamId,
  type NoticeEvent,
  type NoticeDelivery,
} from '@domain/notices';
import { EventTypeRegistry } from '@libs/event-sourcing';
import type { Actor, Clock, CommandOutcome, EventStore } from '@libs/event-sourcing';
import { NoticeStreamCommandMessage } from './notice-messages';
import type { NoticeDeliveryRow, NoticeQueue } from './notice-queue';

/** A notice as the API lists it: both texts, its data, and where its delivery stands. */
export interface ListedNotice {
  readonly noticeId: string;
  readonly kind: string;
  readonly issuedAt: string;
  readonly template: { readonly id: string; readonly version: number };
  readonly texts: { readonly kk: string; readonly ru: string };
  readonly data: unknown;
  readonly causedBy: string;
  readonly delivery: { readonly status: string; readonly failedAttempts: number; readonly lastError: string | null };
}

/** Reading an application's notices, and sending a parked one back to the queue (operators). */
export class NoticeOperations {
  constructor(
    private readonly store: EventStore,
    private readonly registry: EventTypeRegistry,
    private readonly commandBus: CommandBus,
    private readonly queue: NoticeQueue,
    private readonly clock: Clock,
  ) {}

  /** The application's notices in issue order, from its notice stream (never stale). */
  async ofApplication(applicationId: string): Promise<ListedNotice[]> {
    let state = initialNoticeStreamState();
    for await (const stored of this.store.readStream(noticeStreamId(applicationId)))
      state = evolveNoticeStream(state, this.registry.upcast(stored) as unknown as NoticeEvent);
    return state.notices.map(listed);
  }

  /** Who submitted the application (its first event's actor): the portal reads only its own. Null: no such application. */
  async submitterOf(applicationId: string): Promise<Actor | null> {
    for await (const first of this.store.readStream(applicationStreamId(applicationId), { maxCount: 1 }))
      return first.metadata.actor;
    return null;
  }

  /** Parked notices, for operators, by notice id after `after`. */
  parked(after: string, limit: number): NoticeDeliveryRow[] {
    return this.queue.parked(after, limit);
  }

  /** A parked notice goes back to the queue with a fresh allowance of attempts. */
  async retry(noticeId: string, actor: Actor, commandId: string, correlationId: string): Promise<CommandOutcome> {
    const row = this.queue.find(noticeId);
    if (!row) throw new NoticeError(NoticeErrorCode.NotFound, `No notice ${noticeId}`);
    return this.commandBus.execute(
      new NoticeStreamCommandMessage(
        { type: 'RequestNoticeRedelivery', applicationId: row.applicationId, noticeId },
        { commandId, correlationId, causationId: commandId, actor, now: this.clock.now() },
      ),
    );
  }
}

function listed({ notice, status, failedAttempts, lastError }: NoticeDelivery): ListedNotice {
  return {
    noticeId: notice.noticeId,
    kind: notice.kind,
    issuedAt: notice.issuedAt,
    template: notice.template,
    texts: notice.texts,
    data: notice.data,
    causedBy: notice.cause.type,
    delivery: { status, failedAttempts, lastError },
  };
}
