import { Injectable } from '@nestjs/common';
import { CqrsModule, EventBus, IEvent, ofType, Saga } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { Observable, map, tap } from 'rxjs';
import { CheckpointedSubscriptionRunner, eventIdFor, EventTypeRegistry, InMemoryCheckpointStore, StoredEvent } from '@libs/event-sourcing';
import { EventBusBridge } from '@libs/event-sourcing-nest';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';

class Incremented extends StoredEvent<{ by: number }> {}

@Injectable()
class WatchingSaga {
  readonly seen: Array<{ by: number; isIncremented: boolean }> = [];
  @Saga()
  watch = (events$: Observable<IEvent>) =>
    events$.pipe(
      ofType(Incremented),
      tap((event) => this.seen.push({ by: event.data.by, isIncremented: event instanceof Incremented })),
      map(() => undefined as never),
    );
}

describe('bridge from the store into the Nest EventBus', () => {
  it('publishes only stored events, rehydrated into their registered class for ofType', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [CqrsModule.forRoot()], providers: [WatchingSaga] }).compile();
    await moduleRef.init();
    const saga = moduleRef.get(WatchingSaga);
    const registry = new EventTypeRegistry().register({ type: 'Incremented', schemaVersion: 1, eventClass: Incremented });
    const store = new InMemoryEventStore();
    const runner = new CheckpointedSubscriptionRunner(store, new InMemoryCheckpointStore(), new EventBusBridge(moduleRef.get(EventBus), registry));

    const metadata = { correlationId: 'c', causationId: 'c', commandId: 'c', actor: { id: 'a', role: 'r' }, occurredAt: '2026-01-01T00:00:00.000Z' };
    await store.append('counter-1', [{ eventId: eventIdFor('x', 0), type: 'Incremented', schemaVersion: 1, data: { by: 7 }, metadata }], { expectedRevision: 'no-stream' });
    await store.append('other-1', [{ eventId: eventIdFor('x', 1), type: 'NotRegistered', schemaVersion: 1, data: {}, metadata }], { expectedRevision: 'no-stream' });
    expect(saga.seen).toEqual([]);

    await runner.start();
    const head = await store.headPosition();
    await runner.waitFor(head!);
    await runner.stop();
    await moduleRef.close();
    expect(saga.seen).toEqual([{ by: 7, isIncremented: true }]);
  });
});
