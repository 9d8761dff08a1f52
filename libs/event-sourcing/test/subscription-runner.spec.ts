import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import {
  CheckpointedSubscriptionRunner,
  InMemoryCheckpointStore,
  NewEvent,
  Projection,
  Reactor,
  RecordedEvent,
  eventIdFor,
} from '@libs/event-sourcing';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { SqliteCheckpointStore } from '@infra/read-models/sqlite-checkpoint-store';
import { openSqlite } from '@infra/sqlite/connection';

function event(n: number, stream = 'counter-1'): NewEvent {
  return {
    eventId: eventIdFor(`seed-${stream}`, n),
    type: 'Incremented',
    schemaVersion: 1,
    data: { by: n },
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      commandId: `cmd-${n}`,
      actor: { id: 'a', role: 'r' },
      occurredAt: '2026-01-01T00:00:00.000Z',
    },
  };
}

async function appendMany(store: InMemoryEventStore, from: number, to: number): Promise<bigint> {
  let position = 0n;
  for (let n = from; n <= to; n++)
    position = (await store.append('counter-1', [event(n)], { expectedRevision: 'any' })).position;
  return position;
}

class RecordingReactor implements Reactor {
  readonly kind = 'reactor';
  readonly seen: number[] = [];
  constructor(
    readonly name = 'recorder',
    private readonly failOn?: number,
  ) {}
  async handle(e: RecordedEvent): Promise<void> {
    const by = (e.data as { by: number }).by;
    if (by === this.failOn) throw new Error(`cannot handle ${by}`);
    this.seen.push(by);
  }
}

describe('checkpointed subscription runner', () => {
  it('resumes after a restart from the stored checkpoint, without redelivering what was committed', async () => {
    const store = new InMemoryEventStore();
    const checkpoints = new InMemoryCheckpointStore();
    const first = new RecordingReactor();
    const runner = new CheckpointedSubscriptionRunner(store, checkpoints, first);
    await runner.start();
    await runner.waitFor(await appendMany(store, 1, 3));
    await runner.stop();

    const last = await appendMany(store, 4, 5);
    const second = new RecordingReactor();
    const restarted = new CheckpointedSubscriptionRunner(store, checkpoints, second);
    await restarted.start();
    await restarted.waitFor(last);
    await restarted.stop();

    expect(first.seen).toEqual([1, 2, 3]);
    expect(second.seen).toEqual([4, 5]);
  });

  it('stops on a failing event without moving the checkpoint past it, and redelivers it on restart', async () => {
    const store = new InMemoryEventStore();
    const checkpoints = new InMemoryCheckpointStore();
    const failures: string[] = [];
    const failing = new RecordingReactor('recorder', 2);
    const runner = new CheckpointedSubscriptionRunner(store, checkpoints, failing, {
      onFailure: (name, e) => failures.push(`${name}@${e.revision}`),
    });
    await runner.start();
    const last = await appendMany(store, 1, 3);
    await expect(runner.waitFor(last)).rejects.toThrow('cannot handle 2');
    expect(runner.state).toBe('failed');
    expect(failures).toEqual(['recorder@1']);

    const healed = new RecordingReactor();
    const restarted = new CheckpointedSubscriptionRunner(store, checkpoints, healed);
    await restarted.start();
    await restarted.waitFor(last);
    await restarted.stop();
    expect(healed.seen).toEqual([2, 3]);
  });

  describe('a projection writing to SQLite', () => {
    let dir: string;
    let db: Database.Database;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'kandas-runner-'));
      db = openSqlite({ filename: join(dir, 'read.sqlite'), synchronous: 'NORMAL' });
      db.exec('CREATE TABLE totals (stream TEXT PRIMARY KEY, total INTEGER NOT NULL)');
    });
    afterEach(() => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });

    function totals(failOn?: number): Projection {
      const upsert = db.prepare(
        'INSERT INTO totals VALUES (?, ?) ON CONFLICT (stream) DO UPDATE SET total = total + excluded.total',
      );
      return {
        kind: 'projection',
        name: 'totals',
        apply: (e) => {
          const by = (e.data as { by: number }).by;
          upsert.run(e.streamId, by);
          if (by === failOn) throw new Error('projection bug');
        },
      };
    }
    const total = () => (db.prepare('SELECT total FROM totals').get() as { total: number } | undefined)?.total;

    it('commits its rows and its checkpoint in one transaction: a failure leaves neither', async () => {
      const store = new InMemoryEventStore();
      const checkpoints = new SqliteCheckpointStore(db);
      const runner = new CheckpointedSubscriptionRunner(store, checkpoints, totals(3));
      await runner.start();
      const last = await appendMany(store, 1, 4);
      await expect(runner.waitFor(last)).rejects.toThrow('projection bug');
      expect(total()).toBe(1 + 2);
      const checkpoint = await checkpoints.load('totals');

      const restarted = new CheckpointedSubscriptionRunner(store, checkpoints, totals());
      await restarted.start();
      await restarted.waitFor(last);
      await restarted.stop();
      expect(checkpoint).toBe(1n);
      expect(total()).toBe(1 + 2 + 3 + 4);
    });
  });
});
