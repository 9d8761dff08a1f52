import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteCheckpointStore } from '@infra/read-models/sqlite-checkpoint-store';
import { openSqlite } from '@infra/sqlite/connection';

describe('SQLite checkpoints: commits asked for in one turn share one transaction', () => {
  let dir: string;
  let db: Database.Database;
  let checkpoints: SqliteCheckpointStore;
  const rows = () =>
    (db.prepare('SELECT owner, value FROM model ORDER BY owner').all() as Array<{ owner: string; value: number }>).map(
      (r) => `${r.owner}=${r.value}`,
    );
  const write = (owner: string, value: number) => () =>
    void db.prepare('INSERT INTO model (owner, value) VALUES (?, ?)').run(owner, value);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'checkpoint-group-'));
    db = openSqlite({ filename: join(dir, 'read-models.sqlite') });
    db.exec('CREATE TABLE model (owner TEXT NOT NULL, value INTEGER NOT NULL)');
    checkpoints = new SqliteCheckpointStore(db);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits every consumer of the group, each with its own rows and checkpoint', async () => {
    const reader = openSqlite({ filename: join(dir, 'read-models.sqlite') });
    let seenByAnotherConnectionMeanwhile: unknown[] = [];
    const lookAround = () => void (seenByAnotherConnectionMeanwhile = reader.prepare('SELECT owner FROM model').all());
    await Promise.all([
      checkpoints.commit('a', 1n, write('a', 1)),
      checkpoints.commit('b', 7n, write('b', 7)),
      checkpoints.commit('c', 3n, lookAround),
    ]);
    reader.close();
    expect(seenByAnotherConnectionMeanwhile).toEqual([]); // a's rows were not committed before c's work ran: one transaction
    expect(rows()).toEqual(['a=1', 'b=7']);
    expect([await checkpoints.load('a'), await checkpoints.load('b'), await checkpoints.load('c')]).toEqual([
      1n,
      7n,
      3n,
    ]);
  });

  it('fails only the consumer whose work threw: its rows and checkpoint are rolled back, the others commit', async () => {
    const outcomes = await Promise.allSettled([
      checkpoints.commit('a', 1n, write('a', 1)),
      checkpoints.commit('b', 2n, () => {
        write('b', 2)();
        throw new Error('projection b cannot apply this event');
      }),
      checkpoints.commit('c', 3n, write('c', 3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('projection b cannot apply this event');
    expect(rows()).toEqual(['a=1', 'c=3']);
    expect(await checkpoints.load('b')).toBeNull();
  });

  it('fails every commit of the group when SQLite cannot commit at all, and leaves nothing behind', async () => {
    const holder = openSqlite({ filename: join(dir, 'read-models.sqlite'), busyTimeoutMs: 0 });
    try {
      holder.exec('BEGIN EXCLUSIVE');
      const busy = openSqlite({ filename: join(dir, 'read-models.sqlite'), busyTimeoutMs: 0 });
      const other = new SqliteCheckpointStore(busy);
      const outcomes = await Promise.allSettled([other.commit('a', 1n), other.commit('b', 2n)]);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
      busy.close();
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(await checkpoints.load('a')).toBeNull();
  });

  it('runs a lone commit as it always did: at once in the next turn, no savepoint needed', async () => {
    await checkpoints.commit('a', 5n, write('a', 5));
    expect(rows()).toEqual(['a=5']);
    expect(await checkpoints.load('a')).toBe(5n);
  });
});
