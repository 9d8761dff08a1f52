import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '@libs/event-sourcing';
import { verifySqliteEventStore } from '@infra/audit/tamper-evidence/verify-sqlite-store';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { collect, newEvents, revisionsOf } from './fixtures';
import { eventStoreContract } from './event-store.contract';
import { reopenableHarness } from './suite/context';

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kandas-'));
  // A small page makes every read and subscription cross page boundaries; NORMAL keeps the run fast.
  const open = () =>
    SqliteEventStore.open({
      filename: join(dir, 'events.sqlite'),
      synchronous: 'NORMAL',
      pollIntervalMs: 20,
      pageSize: 16,
    });
  return reopenableHarness(open, () => rmSync(dir, { recursive: true, force: true }));
});

describe('SQLite group commit: appends called together are committed together', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kandas-'));
    store = SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'FULL', pollIntervalMs: 20 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each append as the same calls one after the other would: a conflicting one fails alone, in its savepoint', async () => {
    const [first, conflicting, other, retried] = await Promise.allSettled([
      store.append('s-1', newEvents(2), { expectedRevision: 'no-stream' }),
      store.append('s-1', newEvents(1), { expectedRevision: 'no-stream' }),
      store.append('s-2', newEvents(3), { expectedRevision: 'no-stream' }),
      store.append('s-3', newEvents(1), { expectedRevision: 0 }),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { streamId: 's-1', nextExpectedRevision: 1 } });
    expect(conflicting).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
    expect(other).toMatchObject({ status: 'fulfilled', value: { streamId: 's-2', nextExpectedRevision: 2 } });
    expect(retried).toMatchObject({ status: 'rejected', reason: { actual: -1 } });
    const all = await collect(store.readAll());
    expect(all.map((event) => [event.streamId, event.revision])).toEqual([
      ['s-1', 0],
      ['s-1', 1],
      ['s-2', 0],
      ['s-2', 1],
      ['s-2', 2],
    ]);
    expect(all.map((event) => event.position)).toEqual([1n, 2n, 3n, 4n, 5n]);
    // The hashes chain across the appends of one commit exactly as across separate ones.
    expect(await verifySqliteEventStore(store.db)).toMatchObject({ ok: true, events: 5 });
  });

  it('deduplicates a retry within the same commit, and a batch whose ids are stored elsewhere fails alone', async () => {
    const events = newEvents(2);
    const [once, again, elsewhere] = await Promise.allSettled([
      store.append('s-1', events, { expectedRevision: 'no-stream' }),
      store.append('s-1', events, { expectedRevision: 'no-stream' }),
      store.append('s-2', events, { expectedRevision: 'any' }),
    ]);
    expect(once).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1, position: 2n } });
    expect(again).toMatchObject({
      status: 'fulfilled',
      value: { nextExpectedRevision: 1, position: 2n, alreadyStored: true },
    });
    expect(elsewhere).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIdError) });
    expect(revisionsOf(await collect(store.readStream('s-1')))).toEqual([0, 1]);
    expect(await collect(store.readStream('s-2'))).toEqual([]);
  });

  it('writes the appends called before close, and refuses those called after', async () => {
    const pending = store.append('s-1', newEvents(1), { expectedRevision: 'no-stream' });
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await expect(store.append('s-1', newEvents(1), { expectedRevision: 0 })).rejects.toMatchObject({ fault: 'closed' });
    const reopened = SqliteEventStore.open({ filename: join(dir, 'events.sqlite') });
    expect(await reopened.streamRevision('s-1')).toBe(0);
    await reopened.close();
  });
});
