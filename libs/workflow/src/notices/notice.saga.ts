import { typesNoticed } from '@domain/notices';
import { noticeStreamId } from '@domain/notices';
import { commandIdCausedBy, type RecordedEvent } from '@libs/event-sourcing';
import type { DurableSaga } from '@libs/event-sourcing-nest';
import { IssueNoticesMessage, NOTICES_ACTOR } from './notice-messages';

export const NOTICE_PROCESS_RUNNER = 'notice-process';

/**
 * The notice process on the durable saga runner (ADRs 7, 13, 28): each application event a notice
 * rule acts on becomes one command, whose handler reads the history, applies the pure rule and
 * appends the notice to the application's notice stream. One partition per notice stream, so an
 * application's notices are issued in the order of their causes.
 */
export class NoticeSaga implements DurableSaga {
  readonly eventTypes: readonly string[] = typesNoticed();

  partitionOf(event: RecordedEvent): string {
    return noticeStreamId(applicationIdOf(event));
  }

  commandsFor(event: RecordedEvent): IssueNoticesMessage[] {
    const cause = {
      applicationId: applicationIdOf(event),
      streamId: event.streamId,
      revision: event.revision,
      eventId: event.eventId,
      type: event.type,
    };
    return [
      new IssueNoticesMessage(cause, {
        commandId: commandIdCausedBy(event.eventId, 'issue-notices'),
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
        actor: NOTICES_ACTOR,
        // Dated by its cause, as every saga step: a redelivery issues the same notice.
        now: new Date(event.metadata.occurredAt),
      }),
    ];
  }
}

function applicationIdOf(event: RecordedEvent): string {
  return (event.data as { applicationId: string }).applicationId;
}
