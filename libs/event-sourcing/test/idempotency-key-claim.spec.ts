import {
  EventStoreUnavailableError,
  handleCommand,
  IDEMPOTENCY_KEY_CLAIMED,
  IdempotencyKeyReusedError,
  idempotencyStreamId,
} from '@libs/event-sourcing';
import type { AppendOptions, AppendResult, NewEvent, RecordedEvent } from '@libs/event-sourcing';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { context, counter, counterRegistry } from './fixtures';

const registry = counterRegistry();

/**
 * The in-memory store, declared as EventStoreDB is: event ids unique per stream only, so commands
 * under a key claim it first (ADR 17). It can fail the next append to a stream, as a 503 would.
 */
class PerStreamIdsStore extends InMemoryEventStore {
  override readonly eventIdsUniqueStoreWide: boolean = false;
  failNextAppendTo: string | undefined;

  override append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (streamId === this.failNextAppendTo) {
      this.failNextAppendTo = undefined;
      return Promise.reject(new EventStoreUnavailableError('the events file is locked', { fault: 'locked' }));
    }
    return super.append(streamId, events, options);
  }
}

async function all(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const list: RecordedEvent[] = [];
  for await (const event of events) list.push(event);
  return list;
}

const increment = (store: InMemoryEventStore, streamId: string, ctx: ReturnType<typeof context>) =>
  handleCommand(store, registry, { streamId, decider: counter, command: { by: 1, limit: 10 }, context: ctx });

describe('an Idempotency-Key claimed in its own stream where event ids are unique per stream only', () => {
  it('claims the key once, with the target stream and the fingerprint, before the command appends', async () => {
    const store = new PerStreamIdsStore();
    const ctx = context({ requestFingerprint: 'fp-1' });
    await increment(store, 'counter-1', ctx);

    const claims = await all(store.readStream(idempotencyStreamId(ctx.commandId)));
    expect(claims).toMatchObject([
      { type: IDEMPOTENCY_KEY_CLAIMED, data: { streamId: 'counter-1', requestFingerprint: 'fp-1' } },
    ]);
    expect(claims[0]!.position < (await store.headPosition())!).toBe(true);
  });

  it('refuses the key reused for a command on another stream, appending nothing there', async () => {
    const store = new PerStreamIdsStore();
    const ctx = context({ requestFingerprint: 'fp-1' });
    await increment(store, 'counter-1', ctx);

    await expect(increment(store, 'counter-2', ctx)).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await store.streamRevision('counter-2')).toBe(-1);
  });

  it('lets the same request go on after a try that claimed the key and failed to append (a 503)', async () => {
    const store = new PerStreamIdsStore();
    const ctx = context({ requestFingerprint: 'fp-1' });
    store.failNextAppendTo = 'counter-1';
    await expect(increment(store, 'counter-1', ctx)).rejects.toBeInstanceOf(EventStoreUnavailableError);

    const retried = await increment(store, 'counter-1', ctx);
    expect(retried).toMatchObject({ revision: 0, alreadyHandled: false });
    expect(await all(store.readStream(idempotencyStreamId(ctx.commandId)))).toHaveLength(1);
    // ... but another request under that key is refused, though the first never appended.
    await expect(
      increment(store, 'counter-1', { ...context({ requestFingerprint: 'fp-2' }), commandId: ctx.commandId }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('claims nothing for a command without a key, nor where the store refuses ids across streams itself', async () => {
    const perStream = new PerStreamIdsStore();
    await increment(perStream, 'counter-1', context());
    const storeWide = new InMemoryEventStore();
    await increment(storeWide, 'counter-1', context({ requestFingerprint: 'fp-1' }));

    for (const store of [perStream, storeWide])
      expect((await all(store.readAll())).map((event) => event.streamId)).toEqual(['counter-1']);
  });
});
