import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { applicationStreamId, type ApplicationEvent } from '@domain/application';
import { COMPLAINT_TERMS_V1 } from '@domain/law';
import {
  isSupportEventType,
  noticesFor,
  noticeStreamDecider,
  noticeStreamId,
  supportNoticesFor,
  type NoticeIntent,
  type NoticeIssued,
} from '@domain/notices';
import type { SupportEvent } from '@domain/support';
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
    const event = history.at(-1);
    if (!event || event.eventId !== cause.eventId)
      throw new Error(`No event ${cause.eventId} at ${cause.streamId}@${cause.revision}`);
    const intents = isSupportEventType(event.type)
      ? supportNoticesFor(event as unknown as SupportEvent, history.map(domainEventOf) as SupportEvent[])
      : this.applicationNotices(history);
    if (!intents.some((intent) => intent.kind === 'issue-notice')) return 0;
    // The applicant's cabinet is reached through whoever submitted: the application's first event.
    const submitted = isSupportEventType(event.type) ? await this.submissionOf(cause.applicationId) : history[0];
    if (!submitted) throw new Error(`No application ${cause.applicationId} for the notice of ${cause.eventId}`);
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

  private applicationNotices(history: readonly RecordedEvent[]): readonly NoticeIntent[] {
    const event = history.at(-1) as RecordedEvent;
    return noticesFor(domainEventOf(event) as ApplicationEvent, {
      history: history.map(domainEventOf) as ApplicationEvent[],
      groundsList: groundsListsOf(this.law),
      complaintTerms: COMPLAINT_TERMS_V1,
    });
  }

  private async submissionOf(applicationId: string): Promise<RecordedEvent | undefined> {
    const [first] = await this.historyUpTo(applicationStreamId(applicationId), 0);
    return first;
  }

  private async historyUpTo(streamId: string, revision: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(streamId, { maxCount: revision + 1 }))
      events.push(this.registry.upcast(event));
    return events;
  }
}

const domainEventOf = ({ type, data }: RecordedEvent) => ({ type, data });
