import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, WrongExpectedRevisionError } from '@libs/event-sourcing';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { collect, eventually, newEvents } from './fixtures';
import { eventStoreContract } from './event-store.contract';
import { reopenableHarness } from './suite/context';

/*
 * The SQLite store answers reads of its own latest events from memory (RecentEvents). The whole
 * contract runs again with room for only 3 of them, so nearly every read crosses from memory to
 * the file; below, what memory must never hide: another process's appends, and appends that failed.
 */
eventStoreContract('sqlite, 3 recent events held in memory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kandas-recent-'));
  const open = () =>
    SqliteEventStore.open({
      filename: join(dir, 'events.sqlite'),
      synchronous: 'NORMAL',
      pollIntervalMs: 20,
      pageSize: 16,
      recentEvents: 3,
    });
  return reopenableHarness(open, () => rmSync(dir, { recursive: true, force: true }));
});

const view = (events: RecordedEvent[]) =>
  events.map((e) => `${e.streamId}@${e.revision}#${e.position}:${JSON.stringify(e.data)}`);

describe('SQLite reads from memory never hide what is in the file', () => {
  let dir: string;
  let ours: SqliteEventStore;
  let theirs: SqliteEventStore;
  let plain: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kandas-recent-'));
    const file = join(dir, 'events.sqlite');
    ours = SqliteEventStore.open({ filename: file, synchronous: 'NORMAL', pollIntervalMs: 20 });
    theirs = SqliteEventStore.open({ filename: file, synchronous: 'NORMAL', pollIntervalMs: 20 });
    plain = SqliteEventStore.open({ filename: file, synchronous: 'NORMAL', pollIntervalMs: 20, recentEvents: 0 });
  });
  afterEach(async () => {
    await Promise.all([ours.close(), theirs.close(), plain.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** What a store that keeps nothing in memory reads from the file. */
  const fromTheFile = async () => view(await collect(plain.readAll()));

  it('sees another connection’s appends made between its own, in reads of all, of a stream and in a live subscription', async () => {
    const seen: RecordedEvent[] = [];
    const subscription = ours.subscribeToAll({ fromPosition: 'start' });
    const watching = (async () => {
      for await (const event of subscription) seen.push(event);
    })();
    await ours.append('s-1', newEvents(2), { expectedRevision: 'no-stream' });
    await theirs.append('s-1', newEvents(1), { expectedRevision: 1 });
    await theirs.append('s-2', newEvents(1), { expectedRevision: 'no-stream' });
    await ours.append('s-1', newEvents(1), { expectedRevision: 2 });
    await ours.append('s-3', newEvents(1), { expectedRevision: 'no-stream' });

    expect(view(await collect(ours.readAll()))).toEqual(await fromTheFile());
    expect(view(await collect(ours.readStream('s-1', { fromRevision: 1 })))).toEqual(
      (await fromTheFile()).filter((line) => line.startsWith('s-1@') && !line.startsWith('s-1@0')),
    );
    expect(await ours.headPosition()).toBe(await plain.headPosition());
    await eventually(() => seen.length === 6);
    expect(view(seen)).toEqual(await fromTheFile());
    await subscription.close();
    await watching;
  });

  it('sees another connection’s append made after its own last one', async () => {
    await ours.append('s-1', newEvents(1), { expectedRevision: 'no-stream' });
    await collect(ours.readStream('s-1'));
    await theirs.append('s-1', newEvents(1), { expectedRevision: 0 });
    expect(view(await collect(ours.readStream('s-1', { fromRevision: 1 })))).toHaveLength(1);
    expect(view(await collect(ours.readAll()))).toEqual(await fromTheFile());
    await expect(ours.append('s-1', newEvents(1), { expectedRevision: 0 })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
  });

  it('keeps nothing of an append that failed in a group commit', async () => {
    const outcomes = await Promise.allSettled([
      ours.append('s-1', newEvents(2), { expectedRevision: 'no-stream' }),
      ours.append('s-1', newEvents(1), { expectedRevision: 'no-stream' }),
      ours.append('s-2', newEvents(1), { expectedRevision: 'no-stream' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(view(await collect(ours.readAll()))).toEqual(await fromTheFile());
    expect(view(await collect(ours.readStream('s-1')))).toHaveLength(2);
  });

  it('gives every reader its own copy of an event held in memory', async () => {
    await ours.append('s-1', newEvents(1), { expectedRevision: 'no-stream' });
    const [first] = await collect(ours.readStream('s-1'));
    (first!.data as { n: number }).n = 99;
    const [again] = await collect(ours.readAll());
    expect(again!.data).toEqual({ n: 0 });
  });
});
