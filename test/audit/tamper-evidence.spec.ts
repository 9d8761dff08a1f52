import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { MIGRATIONS } from '@infra/event-store/sqlite/schema';
import { chainHashOf, streamHashOf } from '@infra/event-store/sqlite/event-hash';
import { verifySqliteEventStore } from '@infra/audit/tamper-evidence/verify-sqlite-store';
import { contentOfRow, type RawRow, tamperWith, testedEvents } from './support/tampering';

const events = (count: number, tag = 'x') => testedEvents(count, (n) => ({ n, tag, nested: { b: 2, a: [1, 'z'] } }));

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kandas-tamper-'));
  file = join(dir, 'events.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () => SqliteEventStore.open({ filename: file, synchronous: 'NORMAL' });

/**
 * Positions 1..11: a-0 | b-0 b-1 b-2 | a-1 a-2 | c-0 | b-3 | a-3 a-4 a-5 (batches of 1, 3, 2, 1, 1, 3).
 */
async function seed(): Promise<void> {
  const store = open();
  await store.append('a', events(1), { expectedRevision: 'no-stream' });
  await store.append('b', events(3), { expectedRevision: 'no-stream' });
  await store.append('a', events(2), { expectedRevision: 0 });
  await store.append('c', events(1), { expectedRevision: 'any' });
  await store.append('b', events(1), { expectedRevision: 2 });
  await store.append('a', events(3), { expectedRevision: 2 });
  await store.close();
}

const tamper = (work: (db: Database.Database) => void) => tamperWith(file, work);

const rowAt = (db: Database.Database, position: number) =>
  db.prepare('SELECT * FROM events WHERE position = ?').get(position) as RawRow;
const contentOf = contentOfRow;

describe('tamper evidence of the SQLite event store', () => {
  it('a clean store of several streams and batches verifies, with the chain head and progress reported', async () => {
    await seed();
    const progress: number[] = [];
    const result = await verifySqliteEventStore(file, (checked) => progress.push(checked));
    const last = (() => {
      const db = new Database(file, { readonly: true });
      try {
        return rowAt(db, 11).chain_hash;
      } finally {
        db.close();
      }
    })();
    expect(result).toMatchObject({ ok: true, events: 11, lastChainHash: last, brokenLinks: [], gaps: [] });
    expect(last).toMatch(/^[0-9a-f]{64}$/);
    expect(progress).toEqual([11]);
  });

  it('an empty store verifies with no chain head', async () => {
    await open().close();
    expect(await verifySqliteEventStore(file)).toMatchObject({ ok: true, events: 0, lastChainHash: null });
  });

  it('stores the documented formulas: stream_hash over the previous stream hash, chain_hash over the previous chain hash', async () => {
    await seed();
    const db = new Database(file, { readonly: true });
    try {
      const a0 = rowAt(db, 1);
      const b0 = rowAt(db, 2);
      const a1 = rowAt(db, 5);
      expect(a0.stream_hash).toBe(streamHashOf('', contentOf(a0)));
      expect(a0.chain_hash).toBe(chainHashOf('', a0.stream_hash));
      expect(b0.chain_hash).toBe(chainHashOf(a0.chain_hash, b0.stream_hash));
      expect(a1.stream_hash).toBe(streamHashOf(a0.stream_hash, contentOf(a1)));
      expect(JSON.parse(contentOf(a1))).toMatchObject({ position: '5', revision: 1, streamId: 'a' });
    } finally {
      db.close();
    }
  });

  it('keeps one chain across store instances and across two connections appending to the same file', async () => {
    await seed();
    const first = open();
    const second = open();
    for (let i = 0; i < 5; i++) {
      await first.append('d', events(2), { expectedRevision: 'any' });
      await second.append('e', events(1), { expectedRevision: 'any' });
      await second.append('d', events(1), { expectedRevision: 'any' });
    }
    await first.close();
    await second.close();
    expect(await verifySqliteEventStore(file)).toMatchObject({ ok: true, events: 11 + 20 });
  });

  it('verifies through an open connection too (the store’s own)', async () => {
    await seed();
    const store = open();
    try {
      expect(await verifySqliteEventStore(store.db)).toMatchObject({ ok: true, events: 11 });
    } finally {
      await store.close();
    }
  });

  it('an UPDATE of a row’s data in the SQLite file is caught as "content" at that position', async () => {
    await seed();
    tamper((db) =>
      db
        .prepare('UPDATE events SET data = ? WHERE position = ?')
        .run('{"n":1,"tag":"forged","nested":{"b":2,"a":[1,"z"]}}', 6),
    );
    const result = await verifySqliteEventStore(file);
    expect(result).toMatchObject({ ok: false, events: 11, gaps: [], brokenLinksTotal: 1 });
    expect(result.brokenLinks).toEqual([
      expect.objectContaining({ position: '6', streamId: 'a', revision: 2, kind: 'content' }),
    ]);
  });

  it('an edit of metadata or recorded_at is caught as "content" too', async () => {
    await seed();
    tamper((db) => db.prepare("UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE position = 8").run());
    expect(await verifySqliteEventStore(file)).toMatchObject({
      ok: false,
      brokenLinks: [{ position: '8', kind: 'content' }],
    });
  });

  it('re-serialising a row’s JSON with other key order or spacing is not tampering (canonical content)', async () => {
    await seed();
    tamper((db) => {
      const row = rowAt(db, 3);
      const parsed = JSON.parse(row.data) as Record<string, unknown>;
      const reordered = Object.fromEntries(Object.entries(parsed).reverse());
      db.prepare('UPDATE events SET data = ? WHERE position = 3').run(JSON.stringify(reordered, null, 2));
    });
    expect(await verifySqliteEventStore(file)).toMatchObject({ ok: true, events: 11 });
  });

  it('deleting the only event of a stream is reported as a missing position, not as a break of the next event', async () => {
    await seed();
    tamper((db) => db.prepare('DELETE FROM events WHERE position = 7').run()); // c-0; next is b-3
    expect(await verifySqliteEventStore(file)).toMatchObject({
      ok: false,
      events: 10,
      brokenLinks: [],
      gaps: [{ fromPosition: '7', toPosition: '7', missing: 1, streams: [] }],
      gapsTotal: 1,
    });
  });

  it('a deleted middle event is reported as a gap in its own stream, with the revision it took', async () => {
    await seed();
    tamper((db) => db.prepare('DELETE FROM events WHERE position = 10').run()); // a-4; next is a-5
    expect(await verifySqliteEventStore(file)).toMatchObject({
      ok: false,
      brokenLinks: [],
      gaps: [{ fromPosition: '10', toPosition: '10', missing: 1, streams: [{ streamId: 'a', revisions: '4' }] }],
    });
  });

  it('deleted events of several streams in a row are one gap naming every stream that lost revisions', async () => {
    await seed();
    tamper((db) => db.prepare('DELETE FROM events WHERE position IN (5, 6, 7, 8)').run()); // a-1 a-2 c-0 b-3
    expect(await verifySqliteEventStore(file)).toMatchObject({
      ok: false,
      brokenLinks: [],
      gaps: [{ fromPosition: '5', toPosition: '8', missing: 4, streams: [{ streamId: 'a', revisions: '1..2' }] }],
    });
  });

  it('a revision renumbered in place (no missing position) is a "stream-link" break in its stream', async () => {
    await seed();
    tamper((db) => db.prepare('UPDATE events SET revision = 7 WHERE position = 11').run()); // a-5 → a-7
    expect(await verifySqliteEventStore(file)).toMatchObject({
      ok: false,
      gaps: [],
      brokenLinks: [
        {
          position: '11',
          streamId: 'a',
          revision: 7,
          kind: 'stream-link',
          expected: 'revision 5',
          actual: 'revision 7',
        },
      ],
    });
  });

  it('lists every break, each where it is, in position order: verify does not stop at the first', async () => {
    await seed();
    tamper((db) => {
      db.prepare(`UPDATE events SET data = '{"n":9}' WHERE position = 2`).run();
      db.prepare("UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE position = 7").run();
      db.prepare('DELETE FROM events WHERE position = 10').run();
      db.prepare(`UPDATE events SET data = '{"n":8}' WHERE position = 11`).run();
    });
    const result = await verifySqliteEventStore(file);
    expect(result.ok).toBe(false);
    expect(result.brokenLinks.map((link) => [link.position, link.streamId, link.kind])).toEqual([
      ['2', 'b', 'content'],
      ['7', 'c', 'content'],
    ]);
    // a-5 follows the deleted a-4: its content cannot be recomputed without a-4's hash, so the gap is the finding.
    expect(result.gaps).toEqual([
      { fromPosition: '10', toPosition: '10', missing: 1, streams: [{ streamId: 'a', revisions: '4' }] },
    ]);
    expect(result).toMatchObject({ brokenLinksTotal: 2, gapsTotal: 1 });
  });

  it('swapping two rows’ data is caught as "content" at both', async () => {
    await seed();
    tamper((db) => {
      const [x, y] = [rowAt(db, 3), rowAt(db, 9)]; // b-1 {n:1} and a-3 {n:0}
      expect(x.data).not.toBe(y.data);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(y.data, 3);
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(x.data, 9);
    });
    expect(await verifySqliteEventStore(file)).toMatchObject({
      ok: false,
      brokenLinks: [
        { position: '3', kind: 'content' },
        { position: '9', kind: 'content' },
      ],
    });
  });

  it('editing data AND rewriting stream_hash to match is still caught: that row’s chain_hash no longer follows ("chain-link")', async () => {
    await seed();
    tamper((db) => {
      const row = rowAt(db, 6);
      const previous = rowAt(db, 5); // a-1
      const forged = '{"n":1,"tag":"forged"}';
      db.prepare('UPDATE events SET data = ?, stream_hash = ? WHERE position = 6').run(
        forged,
        streamHashOf(previous.stream_hash, contentOf(row, forged)),
      );
    });
    // And the next event of its stream (a-3, position 9) no longer follows the rewritten stream hash.
    expect(await verifySqliteEventStore(file)).toMatchObject({
      ok: false,
      brokenLinks: [
        { position: '6', kind: 'chain-link' },
        { position: '9', streamId: 'a', kind: 'content' },
      ],
    });
  });

  it('editing data AND rewriting both of that row’s hashes is still caught by the NEXT event’s chain link', async () => {
    await seed();
    tamper((db) => {
      const row = rowAt(db, 6);
      const forged = '{"n":1,"tag":"forged"}';
      const streamHash = streamHashOf(rowAt(db, 5).stream_hash, contentOf(row, forged));
      const chainHash = chainHashOf(rowAt(db, 5).chain_hash, streamHash);
      db.prepare('UPDATE events SET data = ?, stream_hash = ?, chain_hash = ? WHERE position = 6').run(
        forged,
        streamHash,
        chainHash,
      );
    });
    expect(await verifySqliteEventStore(file)).toMatchObject({
      ok: false,
      brokenLinks: [
        { position: '7', kind: 'chain-link' },
        { position: '9', streamId: 'a', kind: 'content' },
      ],
    });
  });

  it('a rewrite of the LAST event with all its hashes passes the scan but changes lastChainHash: anchor it outside the store', async () => {
    await seed();
    const before = await verifySqliteEventStore(file);
    tamper((db) => {
      const row = rowAt(db, 11);
      const forged = '{"n":2,"tag":"forged"}';
      const streamHash = streamHashOf(rowAt(db, 10).stream_hash, contentOf(row, forged));
      db.prepare('UPDATE events SET data = ?, stream_hash = ?, chain_hash = ? WHERE position = 11').run(
        forged,
        streamHash,
        chainHashOf(rowAt(db, 10).chain_hash, streamHash),
      );
    });
    const after = await verifySqliteEventStore(file);
    expect(after.ok).toBe(true);
    expect(before.ok && after.ok && after.lastChainHash).not.toBe(before.ok && before.lastChainHash);
  });

  it('a cleared hash is reported as "missing-hash"', async () => {
    await seed();
    tamper((db) => db.prepare('UPDATE events SET chain_hash = NULL WHERE position = 4').run());
    expect(await verifySqliteEventStore(file)).toMatchObject({
      ok: false,
      brokenLinks: [{ position: '4', kind: 'missing-hash' }],
    });
  });

  describe('a store written before migration 2', () => {
    /** Builds the file exactly as the build with only migration 1 left it. */
    function createVersion1Store(rows: number): void {
      const db = new Database(file);
      try {
        db.pragma('journal_mode = WAL');
        db.exec(MIGRATIONS[0] as string);
        db.pragma('user_version = 1');
        const insert = db.prepare(
          `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at)
           VALUES (@eventId, @streamId, @revision, @type, @schemaVersion, @data, @metadata, @recordedAt)`,
        );
        const revisions = new Map<string, number>();
        for (let i = 0; i < rows; i++) {
          const streamId = `old-${i % 7}`;
          const revision = revisions.get(streamId) ?? 0;
          revisions.set(streamId, revision + 1);
          const [event] = events(1, 'old');
          insert.run({
            eventId: event!.eventId,
            streamId,
            revision,
            type: 'Old',
            schemaVersion: 1,
            data: JSON.stringify({ i }),
            metadata: JSON.stringify(event!.metadata),
            recordedAt: '2024-01-01T00:00:00.000Z',
          });
        }
      } finally {
        db.close();
      }
    }

    it('cannot be verified before it is migrated', async () => {
      createVersion1Store(3);
      await expect(verifySqliteEventStore(file)).rejects.toThrow(/no hash columns/);
    });

    it('is backfilled in position order on open (across backfill pages), verifies, and keeps chaining new appends', async () => {
      createVersion1Store(2_345);
      const store = open();
      expect(store.db.pragma('user_version', { simple: true })).toBe(2);
      await store.append('old-3', events(2), { expectedRevision: 'any' });
      await store.append('new', events(3), { expectedRevision: 'no-stream' });
      await store.close();
      expect(await verifySqliteEventStore(file)).toMatchObject({ ok: true, events: 2_350 });
      tamper((db) => db.prepare(`UPDATE events SET data = '{"i":-1}' WHERE position = 1500`).run());
      expect(await verifySqliteEventStore(file)).toMatchObject({
        ok: false,
        brokenLinks: [{ position: '1500', kind: 'content' }],
      });
    });
  });
});
