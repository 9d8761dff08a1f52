import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { ApplicationEvent } from '@domain/application';
import { COMPLAINT_TERMS_V1 } from '@domain/law';
import { noticesFor, noticeStreamDecider, noticeStreamId, type NoticeIssued } from '@domain/notices';
import { commandIdCausedBy, EventTypeRegistry, handleCommand } from '@libs/event-sourcing';
import type { EventStore, RecordedEvent } from '@libs/event-sourcing';
import { EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { groundsListsOf } from '../audit/timeline/grounds-lists';
import { RecordedLaw } from '../law/recorded-law';
import { IssueNoticesMessage } from './notice-messages';
import { NoticeRenderer } from './notice-renderer';

/**
 * Carries out the notice process for one cause: reads the application's events up to it, asks the
 * pure rules (`@domain/notices`) what to tell, renders the texts and appends each notice to the
 * application's notice stream — the outbox. The notice's id derives from the cause, so a redelivered
 * cause appends nothing; the append itself is the transaction, nothing is lost between deciding and
 * queueing (ADR 28).
 */
@CommandHandler(IssueNoticesMessage)
export class IssueNoticesHandler implements ICommandHandler<IssueNoticesMessage, number> {
  private readonly renderer = new NoticeRenderer();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_TYPE_REGISTRY) private readonly registry: EventTypeRegistry,
    private readonly law: RecordedLaw,
  ) {}

  /** Answers how many notices it appended (0 for a redelivered cause, or when nothing is told). */
  async execute(message: IssueNoticesMessage): Promise<number> {
    const { payload: cause, context } = message;
    const history = await this.historyUpTo(cause.streamId, cause.revision);
    const submitted = history[0];
    const event = history.at(-1);
    if (!submitted || !event || event.eventId !== cause.eventId)
      throw new Error(`No event ${cause.eventId} at ${cause.streamId}@${cause.revision}`);
    const intents = noticesFor(event as unknown as ApplicationEvent, {
      history: history.map(({ type, data }) => ({ type, data }) as ApplicationEvent),
      groundsList: groundsListsOf(this.law),
      complaintTerms: COMPLAINT_TERMS_V1,
    });
    let appended = 0;
    for (const intent of intents) {
      if (intent.kind !== 'issue-notice') continue;
      const commandId = commandIdCausedBy(cause.eventId, `notice:${intent.content.kind}`);
      const rendered = this.renderer.render(intent.content);
      const notice: Omit<NoticeIssued['data'], 'issuedAt'> = {
        noticeId: commandId,
        applicationId: cause.applicationId,
        cause: { eventId: cause.eventId, type: cause.type },
        ...intent.content,
        ...rendered,
        recipient: { channel: 'personal-cabinet', submittedBy: submitted.metadata.actor },
      };
      const outcome = await handleCommand(this.store, this.registry, {
        streamId: noticeStreamId(cause.applicationId),
        decider: noticeStreamDecider,
        command: { type: 'IssueNotice', applicationId: cause.applicationId, notice, at: context.now.toISOString() },
        context: { ...context, commandId },
        claimsIdempotencyKey: false,
      });
      appended += outcome.alreadyHandled ? 0 : outcome.events.length;
    }
    return appended;
  }

  private async historyUpTo(streamId: string, revision: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(streamId, { maxCount: revision + 1 }))
      events.push(this.registry.upcast(event));
    return events;
  }
}
