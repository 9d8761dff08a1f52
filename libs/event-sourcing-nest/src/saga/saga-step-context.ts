import { CommandContext, commandIdCausedBy, RecordedEvent } from '@libs/event-sourcing';

export const SAGA_ACTOR = { id: 'review-saga', role: 'system' } as const;

/**
 * The context of a command a saga issues in reaction to `event`: its id derives from the event id
 * and the step's name (uuid v5), so redelivering the event issues the same command, which the
 * aggregate then ignores; correlation carries over, causation is the event.
 */
export function sagaStepContext(
  event: Pick<RecordedEvent, 'eventId' | 'metadata'>,
  step: string,
  now: Date,
): CommandContext {
  return {
    commandId: commandIdCausedBy(event.eventId, step),
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
    actor: SAGA_ACTOR,
    now,
  };
}
