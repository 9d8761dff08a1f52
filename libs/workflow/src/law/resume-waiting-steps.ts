import { Logger } from '@nestjs/common';
import { LAW_EVENT_SCHEMAS, TABLE_AMENDED_BY, type LawEvent } from '@domain/law';
import type { EventStore, Reactor, RecordedEvent } from '@libs/event-sourcing';
import type { DurableSagaRunner } from '@libs/event-sourcing-nest';

export const RESUME_WAITING_STEPS = 'resume-waiting-steps';

/**
 * A step waiting for data resumes by itself (ADR 23): when a table of the law is amended, every step
 * of the saga waiting for that table runs again — done when the amendment brought what it waited
 * for, still waiting otherwise. No operator retry. Exactly once: the commands that ran already, and
 * the one that now succeeds, have ids derived from the causing event, so a redelivered amendment or
 * a restart repeats nothing (and the Application refuses a second grant of a subsidy anyway).
 */
export class ResumeWaitingSteps implements Reactor {
  readonly kind = 'reactor';
  readonly name = RESUME_WAITING_STEPS;
  readonly filter = { eventTypes: Object.keys(LAW_EVENT_SCHEMAS) };
  private readonly logger = new Logger(RESUME_WAITING_STEPS);

  constructor(
    private readonly store: EventStore,
    private readonly saga: DurableSagaRunner,
  ) {}

  async handle(amendment: RecordedEvent): Promise<void> {
    const table = TABLE_AMENDED_BY[amendment.type as LawEvent['type']];
    for (const letter of await this.saga.waitingFor(table)) {
      const cause = await this.eventAt(letter.position, letter.eventId);
      const outcome = await this.saga.resumeWaiting(cause);
      this.logger.log(`${amendment.type} ${amendment.eventId}: ${letter.type} ${letter.eventId} ${outcome.kind}`);
    }
  }

  private async eventAt(position: bigint, eventId: string): Promise<RecordedEvent> {
    for await (const event of this.store.readAll({ fromPosition: position, maxCount: 1 })) {
      if (event.eventId === eventId) return event;
    }
    throw new Error(`Event ${eventId} is not at position ${position} in the store`);
  }
}
