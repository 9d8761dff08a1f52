import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import {
  noticeStreamDecider,
  noticeStreamId,
  type NoticeCommand,
  type NoticeEvent,
  type NoticeStreamState,
} from '@domain/notices';
import type { Untimed } from '@domain/review-process';
import { EventTypeRegistry } from '@libs/event-sourcing';
import type { EventStore } from '@libs/event-sourcing';
import { DeciderCommandHandler, EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { NoticeStreamCommandMessage } from './notice-messages';

/** The commands of an application's notice stream: load, decide, append with the revision loaded. */
@CommandHandler(NoticeStreamCommandMessage)
export class NoticeStreamCommandHandler extends DeciderCommandHandler<
  Untimed<NoticeCommand>,
  NoticeCommand,
  NoticeEvent,
  NoticeStreamState
> {
  protected readonly decider = noticeStreamDecider;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(EVENT_TYPE_REGISTRY) registry: EventTypeRegistry) {
    super(store, registry);
  }

  protected streamId(payload: Untimed<NoticeCommand>): string {
    return noticeStreamId(payload.applicationId);
  }

  protected toDomainCommand(message: NoticeStreamCommandMessage): NoticeCommand {
    return { ...message.payload, at: message.context.now.toISOString() };
  }
}
