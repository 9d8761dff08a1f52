import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceSigningKey } from '@libs/auth';
import { TestClock } from '@libs/testing';
import { CheckpointSigner, type SignedCheckpoint } from '@libs/workflow';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { chainHashOf, streamHashOf } from '@infra/event-store/sqlite/event-hash';
import { JsonLinesCheckpointLog } from '@infra/audit/checkpoints/json-lines-checkpoint-log';
import { SqliteChainHead } from '@infra/audit/tamper-evidence/sqlite-chain-head';
import type { Anchor } from '@infra/audit/tamper-evidence/anchor';
import { verifySqliteEventStore } from '@infra/audit/tamper-evidence/verify-sqlite-store';
import { contentOfRow, type RawRow, tamperWith, testedEvents } from './support/tampering';

const events = (count: number) => testedEvents(count);

let dir: string;
let file: string;
let log: JsonLinesCheckpointLog;
const key = ServiceSigningKey.generate();
const clock = () => new TestClock('2026-03-02T05:00:00.000Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kandas-anchor-'));
  file = join(dir, 'events.sqlite');
  log = new JsonLinesCheckpointLog(join(dir, 'checkpoints.jsonl'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** 20 events over streams a, b, c (positions 1..20), then a checkpoint of that head signed by the service key. */
async function seedAndCheckpoint(): Promise<SignedCheckpoint> {
  const store = SqliteEventStore.open({ filename: file, synchronous: 'NORMAL' });
  try {
    for (let i = 0; i < 10; i++) {
      await store.append(['a', 'b', 'c'][i % 3]!, events(2), { expectedRevision: 'any' });
    }
    return await new CheckpointSigner(new SqliteChainHead(store.db), key, log, clock(), 300_000).signNow();
  } finally {
    await store.close();
  }
}

const anchorOf = (checkpoint: SignedCheckpoint, publicKeyPem = key.publicKeyPem): Anchor => ({
  source: 'checkpoint-log',
  checkpoint,
  publicKeyPem,
});

const tamper = (work: (db: Database.Database) => void) => tamperWith(file, work);

/** What an attacker with the file (and not the key) can do: recompute every stream and chain hash in position order. */
function rehashEverything(db: Database.Database): void {
  const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as RawRow[];
  const streams = new Map<string, string>();
  let chain = '';
  const update = db.prepare('UPDATE events SET stream_hash = ?, chain_hash = ? WHERE position = ?');
  for (const row of rows) {
    const content = contentOfRow(row);
    const streamHash = streamHashOf(streams.get(row.stream_id) ?? '', content);
    chain = chainHashOf(chain, streamHash);
    streams.set(row.stream_id, streamHash);
    update.run(streamHash, chain, row.position);
  }
}

describe('anchored chain heads: the store checked against the last signed checkpoint (ADR 24)', () => {
  it('a clean store matches its checkpoint, and the checkpoint records the head, its count and the key', async () => {
    const checkpoint = await seedAndCheckpoint();
    expect(checkpoint).toMatchObject({
      version: 1,
      store: 'sqlite',
      position: '20',
      events: 20,
      trigger: 'on-demand',
      signedAt: '2026-03-02T05:00:00.000Z',
      keyId: key.keyId,
    });
    expect(await log.latest()).toEqual(checkpoint);
    const report = await verifySqliteEventStore(file, { anchor: anchorOf(checkpoint) });
    expect(report).toMatchObject({ ok: true, lastChainHash: checkpoint.headHash, anchor: { status: 'matches' } });
  });

  it.each([1, 3, 7])('truncation by %i events is detected against the last checkpoint', async (cut) => {
    const checkpoint = await seedAndCheckpoint();
    tamper((db) => db.prepare('DELETE FROM events WHERE position > ?').run(20 - cut));
    const report = await verifySqliteEventStore(file, { anchor: anchorOf(checkpoint) });
    expect(report.ok).toBe(false);
    expect(report.brokenLinks).toEqual([]);
    expect(report.anchor).toMatchObject({
      source: 'checkpoint-log',
      status: 'position-missing',
      position: '20',
      detail: `no event at the anchored position 20: the store ends at position ${20 - cut} (truncated)`,
    });
    // AUTOINCREMENT remembers the positions it gave: the cut tail is a gap too, unless that was reset as well.
    expect(report.gaps).toEqual([{ fromPosition: `${21 - cut}`, toPosition: '20', missing: cut, streams: [] }]);
  });

  it('truncation that also resets sqlite_sequence leaves no gap, and is still caught by the checkpoint', async () => {
    const checkpoint = await seedAndCheckpoint();
    tamper((db) => {
      db.prepare('DELETE FROM events WHERE position > 15').run();
      db.prepare("UPDATE sqlite_sequence SET seq = 15 WHERE name = 'events'").run();
    });
    expect(await verifySqliteEventStore(file)).toMatchObject({ ok: true, gaps: [], anchor: { status: 'none' } });
    expect(await verifySqliteEventStore(file, { anchor: anchorOf(checkpoint) })).toMatchObject({
      ok: false,
      gaps: [],
      anchor: { status: 'position-missing' },
    });
  });

  it('a full re-hash after an edit passes every link but is detected against the last checkpoint', async () => {
    const checkpoint = await seedAndCheckpoint();
    tamper((db) => {
      db.prepare(`UPDATE events SET data = '{"n":99}' WHERE position = 4`).run();
      rehashEverything(db);
    });
    const unanchored = await verifySqliteEventStore(file);
    expect(unanchored).toMatchObject({ ok: true, brokenLinks: [], gaps: [] });
    const report = await verifySqliteEventStore(file, { anchor: anchorOf(checkpoint) });
    expect(report).toMatchObject({ ok: false, brokenLinks: [], gaps: [], anchor: { status: 'head-mismatch' } });
    expect(report.anchor.detail).toContain(`the anchor says ${checkpoint.headHash}`);
  });

  it('truncation then appending as many forged events to reach the position again is a head mismatch', async () => {
    const checkpoint = await seedAndCheckpoint();
    tamper((db) => {
      db.prepare('DELETE FROM events WHERE position > 17').run();
      db.prepare("UPDATE sqlite_sequence SET seq = 17 WHERE name = 'events'").run();
    });
    const store = SqliteEventStore.open({ filename: file, synchronous: 'NORMAL' });
    await store.append('d', events(3), { expectedRevision: 'no-stream' });
    await store.close();
    const report = await verifySqliteEventStore(file, { anchor: anchorOf(checkpoint) });
    expect(report).toMatchObject({ ok: false, anchor: { status: 'head-mismatch' } });
  });

  it('events appended after the checkpoint verify: the checkpoint is a prefix the store must still have', async () => {
    const checkpoint = await seedAndCheckpoint();
    const store = SqliteEventStore.open({ filename: file, synchronous: 'NORMAL' });
    await store.append('a', events(4), { expectedRevision: 'any' });
    await store.close();
    expect(await verifySqliteEventStore(file, { anchor: anchorOf(checkpoint) })).toMatchObject({
      ok: true,
      events: 24,
      anchor: { status: 'matches', position: '20' },
    });
  });

  it('a checkpoint edited in the log, or checked with another key, fails its signature', async () => {
    const checkpoint = await seedAndCheckpoint();
    const rewound = { ...checkpoint, position: '15', events: 15 };
    expect(await verifySqliteEventStore(file, { anchor: anchorOf(rewound) })).toMatchObject({
      ok: false,
      anchor: { status: 'bad-signature', detail: expect.stringContaining('altered or forged') },
    });
    const other = ServiceSigningKey.generate();
    expect(await verifySqliteEventStore(file, { anchor: anchorOf(checkpoint, other.publicKeyPem) })).toMatchObject({
      ok: false,
      anchor: { status: 'bad-signature', detail: expect.stringContaining(other.keyId) },
    });
  });

  it('an auditor’s own noted head (--expect-head) is checked the same way, without a signature', async () => {
    const checkpoint = await seedAndCheckpoint();
    const expected: Anchor = { source: 'expected-head', position: '12', headHash: 'f'.repeat(64) };
    expect(await verifySqliteEventStore(file, { anchor: expected })).toMatchObject({
      ok: false,
      anchor: { source: 'expected-head', status: 'head-mismatch', position: '12' },
    });
    const atHead: Anchor = { source: 'expected-head', position: '20', headHash: checkpoint.headHash };
    expect(await verifySqliteEventStore(file, { anchor: atHead })).toMatchObject({
      ok: true,
      anchor: { status: 'matches' },
    });
  });

  it('positions stay contiguous across refused and rolled-back appends, so a missing one is a deletion', async () => {
    const store = SqliteEventStore.open({ filename: file, synchronous: 'NORMAL' });
    try {
      await store.append('a', events(2), { expectedRevision: 'no-stream' });
      const duplicate = events(1);
      // In one turn of the event loop, so they share a group commit: the refused ones roll back their savepoints.
      const outcomes = await Promise.allSettled([
        store.append('a', events(1), { expectedRevision: 0 }), // wrong revision
        store.append('b', duplicate, { expectedRevision: 'no-stream' }),
        store.append('c', duplicate, { expectedRevision: 'no-stream' }), // the same event id again: refused
        store.append('a', events(1), { expectedRevision: 1 }),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled']);
      await expect(store.append('b', events(1), { expectedRevision: 5 })).rejects.toThrow(); // alone, rolled back
      await store.append('b', events(1), { expectedRevision: 0 });
      const positions = store.db.prepare('SELECT position FROM events ORDER BY position').pluck().all();
      expect(positions).toEqual([1, 2, 3, 4, 5]);
      expect(store.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").pluck().get()).toBe(5);
    } finally {
      await store.close();
    }
    expect(await verifySqliteEventStore(file)).toMatchObject({ ok: true, gaps: [] });
  });
});

describe('the checkpoint log', () => {
  it('appends one JSON line per checkpoint and reads the latest from its end, past a torn last line', async () => {
    const first = await seedAndCheckpoint();
    const second = { ...first, signedAt: '2026-03-02T06:00:00.000Z', signature: 'x' };
    await log.append(second);
    writeFileSync(log.file, `${readFileSync(log.file, 'utf8')}{"version":1,"store":"sql`);
    expect(readFileSync(log.file, 'utf8').split('\n')).toHaveLength(3);
    expect(await log.latest()).toEqual(second);
  });

  it('has no latest checkpoint before the first one', async () => {
    expect(await log.latest()).toBeUndefined();
  });
});
