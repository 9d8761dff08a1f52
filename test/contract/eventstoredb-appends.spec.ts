import type { EventStoreDBClient } from '@eventstore/db-client';
import { AppendTooLargeError, ExpectedRevision, NewEvent } from '@libs/event-sourcing';
import { collect, idsOf, newEvent, newEvents, rejectionOf } from './fixtures';
import { eventStoreDbRigs, Rig } from './support/eventstoredb-rig';

/**
 * What the EventStoreDB adapter must not leave to chance on a real server: the server's limit on one
 * append (test/support/eventstoredb-double/append-size.ts), and which of the server's
 * de-duplications it may count on (commit-check.ts: exact at an exact revision, best effort with
 * `any` / `stream_exists`).
 */
const rig = eventStoreDbRigs();

/** Events of about `bytes` each. */
const heavy = (count: number, bytes: number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => newEvent('Tested', { n, text: 'x'.repeat(bytes) }));

/**
 * Makes the race deterministic: `batch` is appended to `streamId` by another adapter right before
 * the store's own append reaches the server — after its look-up found the place empty.
 * White-box, through the store's public client: the one call made to land in between.
 */
function landTwinFirst(r: Rig, streamId: string, batch: readonly NewEvent[], expected: ExpectedRevision): void {
  const client: EventStoreDBClient = r.store.client;
  const twin = r.open();
  const append = client.appendToStream.bind(client);
  let raced = false;
  client.appendToStream = async (...args: Parameters<typeof append>) => {
    if (!raced) {
      raced = true;
      await twin.append(streamId, batch, { expectedRevision: expected });
    }
    return append(...args);
  };
}

describe.each([true, false])('EventStoreDB adapter: appends (BatchAppend: %s)', (batchAppend) => {
  it("refuses a batch above the server's limit whole, with AppendTooLargeError naming its size and the limit", async () => {
    const r = await rig({ batchAppend, maxAppendSize: 4_000 });
    await r.store.append('application-1', newEvents(1), { expectedRevision: 'no-stream' });
    const head = await r.store.headPosition();
    const batch = heavy(3, 1_500);
    const error = await rejectionOf(r.store.append('application-1', batch, { expectedRevision: 0 }));
    expect(error).toBeInstanceOf(AppendTooLargeError);
    expect(error).toMatchObject({ code: 'EVENT_STORE.APPEND_TOO_LARGE', streamId: 'application-1', limit: 4_000 });
    const { size, message } = error as AppendTooLargeError;
    expect(size).toBeGreaterThan(4_500);
    expect(message).toContain(`${size} bytes`);
    expect(message).toContain('4000 bytes');
    // Nothing of it was written; the batch is not split behind the caller's back.
    expect(await r.store.streamRevision('application-1')).toBe(0);
    expect(await r.store.headPosition()).toBe(head);
  });

  it('measures a batch as the server does: at its size it passes, one byte less refuses it', async () => {
    const batch = heavy(2, 300);
    const measured = (await rejectionOf(
      (await rig({ batchAppend, maxAppendSize: 1 })).store.append('a-1', batch, { expectedRevision: 'no-stream' }),
    )) as AppendTooLargeError;
    const exact = await rig({ batchAppend, maxAppendSize: measured.size });
    await expect(exact.store.append('a-1', batch, { expectedRevision: 'no-stream' })).resolves.toMatchObject({
      nextExpectedRevision: 1,
    });
    const under = await rig({ batchAppend, maxAppendSize: measured.size - 1 });
    await expect(under.store.append('a-1', batch, { expectedRevision: 'no-stream' })).rejects.toMatchObject({
      size: measured.size,
      limit: measured.size - 1,
    });
  });

  it("refuses above the server's default of 1 MiB", async () => {
    const r = await rig({ batchAppend });
    await expect(
      r.store.append('application-1', heavy(3, 400 * 1024), { expectedRevision: 'no-stream' }),
    ).rejects.toMatchObject({ name: 'AppendTooLargeError', limit: 1024 * 1024 });
  });

  it('an identical batch that lands between its look-up and its write is answered by the server: no conflict', async () => {
    const r = await rig({ batchAppend });
    const history = newEvents(1);
    await r.store.append('application-1', history, { expectedRevision: 'no-stream' });
    const batch = newEvents(2);
    landTwinFirst(r, 'application-1', batch, 0);
    // The server recognises the same ids right after the same exact revision (IndexWriter.CheckCommit)
    // and answers success: the adapter reports it written, as the README says of this race. A
    // server that did not would answer a conflict, which the adapter would re-check and report as
    // `alreadyStored` instead.
    const result = await r.store.append('application-1', batch, { expectedRevision: 0 });
    expect(result).toMatchObject({ nextExpectedRevision: 2 });
    expect(result.alreadyStored).toBeUndefined();
    expect(idsOf(await collect(r.store.readStream('application-1')))).toEqual(idsOf([...history, ...batch]));
  });

  it.each(['any', 'stream-exists'] as const)(
    "with '%s' too the race stores the batch once, though the server's cache of recent ids has forgotten it",
    async (expected) => {
      // A cache that holds nearly nothing: `any` / `stream_exists` de-duplication is best effort
      // (after a restart the real cache is empty too); the adapter appends at the exact revision it read.
      const r = await rig({ batchAppend, committedEventsCacheBytes: 1 });
      const history = newEvents(1);
      await r.store.append('application-1', history, { expectedRevision: 'no-stream' });
      const batch = newEvents(2);
      landTwinFirst(r, 'application-1', batch, expected);
      await r.store.append('application-1', batch, { expectedRevision: expected });
      expect(idsOf(await collect(r.store.readStream('application-1')))).toEqual(idsOf([...history, ...batch]));
    },
  );

  it("appends with 'any' while other writers keep moving the stream", async () => {
    const r = await rig({ batchAppend });
    const batches = Array.from({ length: 8 }, () => newEvents(2));
    await Promise.all(batches.map((batch) => r.store.append('application-1', batch, { expectedRevision: 'any' })));
    const stored = idsOf(await collect(r.store.readStream('application-1')));
    expect(stored).toHaveLength(16);
    for (const batch of batches) {
      const start = stored.indexOf(batch[0]!.eventId);
      expect(stored.slice(start, start + 2)).toEqual(idsOf(batch));
    }
  });
});
