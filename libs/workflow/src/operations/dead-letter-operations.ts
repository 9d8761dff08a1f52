import { DeadLetter, DeadLetterStore, EventStore, RecordedEvent } from '@libs/event-sourcing';
import { DurableSagaRunner, StepOutcome } from '@libs/event-sourcing-nest';

/** What an operator does with the events the saga parked: look at them, and run them again. */
export class DeadLetterOperations {
  constructor(
    private readonly store: EventStore,
    private readonly deadLetters: DeadLetterStore,
    private readonly saga: DurableSagaRunner,
  ) {}

  list(status: DeadLetter['status'] | 'all' = 'parked'): Promise<DeadLetter[]> {
    return this.deadLetters.list({ consumer: this.saga.name, ...(status === 'all' ? {} : { status }) });
  }

  /** Runs a parked event through the saga again: resolved when it succeeds, parked again (with the new error) when not. */
  async retry(eventId: string): Promise<StepOutcome> {
    const letter = await this.deadLetters.get(this.saga.name, eventId);
    if (!letter) throw new Error(`No parked event ${eventId}`);
    if (letter.status !== 'parked') throw new Error(`Event ${eventId} was already resolved at ${letter.resolvedAt}`);
    return this.saga.retryParked(await this.eventAt(letter));
  }

  private async eventAt(letter: DeadLetter): Promise<RecordedEvent> {
    for await (const event of this.store.readAll({ fromPosition: letter.position, maxCount: 1 })) {
      if (event.eventId === letter.eventId) return event;
    }
    throw new Error(`Event ${letter.eventId} is not at position ${letter.position} in the store`);
  }
}
