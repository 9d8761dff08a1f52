import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceSigningKey } from '@libs/auth';
import { TestClock } from '@libs/testing';
import { CheckpointDivergesError, CheckpointSigner, type SignedCheckpoint } from '@libs/workflow';
import { EventStoreDbEventStore } from '@infra/event-store/eventstoredb/eventstoredb-event-store';
import { JsonLinesCheckpointLog } from '@infra/audit/checkpoints/json-lines-checkpoint-log';
import type { Anchor } from '@infra/audit/tamper-evidence/anchor';
import { DigestChainHead, verifyDigestChain } from '@infra/audit/tamper-evidence/event-digest-chain';
import { EventStoreDbWireDouble } from '../support/eventstoredb-double';
import { testedEvents } from './support/tampering';

const events = (count: number) => testedEvents(count);
const key = ServiceSigningKey.generate();

describe('EventStoreDB: the digest chain over $all, signed and verified (ADR 24)', () => {
  let double: EventStoreDbWireDouble;
  let store: EventStoreDbEventStore;
  let dir: string;
  let checkpoint: SignedCheckpoint;
  let positions: bigint[];
  const anchor = (): Anchor => ({ source: 'checkpoint-log', checkpoint, publicKeyPem: key.publicKeyPem });

  beforeEach(async () => {
    double = await EventStoreDbWireDouble.start({ firstPosition: 2n ** 53n + 10n });
    store = new EventStoreDbEventStore(double.connectionString);
    dir = mkdtempSync(join(tmpdir(), 'kandas-esdb-anchor-'));
    for (let i = 0; i < 6; i++) await store.append(['a', 'b', 'c'][i % 3]!, events(2), { expectedRevision: 'any' });
    const log = new JsonLinesCheckpointLog(join(dir, 'checkpoints.jsonl'));
    const signer = new CheckpointSigner(new DigestChainHead(store), key, log, new TestClock(), 300_000);
    checkpoint = await signer.signNow();
    positions = [];
    for await (const event of store.readAll()) positions.push(event.position);
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs the digest at the last position of $all, and a clean store matches it', async () => {
    expect(checkpoint).toMatchObject({ store: 'eventstoredb', events: 12, position: `${positions[11]}` });
    expect(await verifyDigestChain(store, { anchor: anchor() })).toMatchObject({
      ok: true,
      store: 'eventstoredb',
      events: 12,
      lastChainHash: checkpoint.headHash,
      anchor: { status: 'matches' },
    });
  });

  it('goes on from the head it reached: a later head covers the events appended since', async () => {
    const source = new DigestChainHead(store);
    const first = await source.head();
    await store.append('d', events(3), { expectedRevision: 'no-stream' });
    const second = await source.head();
    expect(first).toMatchObject({ events: 12, headHash: checkpoint.headHash });
    expect(second).toMatchObject({ events: 15 });
    expect(second).toEqual(await new DigestChainHead(store).head());
    expect(await verifyDigestChain(store, { anchor: anchor() })).toMatchObject({ ok: true, events: 15 });
  });

  it('events scavenged off the end of $all are detected against the checkpoint', async () => {
    expect(double.scavengeFromAll((event) => event.position >= positions[9]!)).toBe(3);
    expect(await verifyDigestChain(store, { anchor: anchor() })).toMatchObject({
      ok: false,
      events: 9,
      anchor: { status: 'position-missing' },
    });
  });

  it('a restarted signer refuses to sign over a scavenged log: the digest at the latest checkpoint changed', async () => {
    double.scavengeFromAll((event) => event.position === positions[1]!);
    await store.append('d', events(1), { expectedRevision: 'no-stream' });
    const log = new JsonLinesCheckpointLog(join(dir, 'checkpoints.jsonl'));
    const signer = new CheckpointSigner(new DigestChainHead(store), key, log, new TestClock(), 300_000);
    await expect(signer.signNow()).rejects.toThrow(CheckpointDivergesError);
  });

  it('an event scavenged from the middle is a gap in its own stream, and the digest no longer matches', async () => {
    // The 4th event is b@1 (batches of two: a, b, c, a, b, c); b@2 is the 9th. The gap lies between b@0 and b@2.
    double.scavengeFromAll((event) => event.position === positions[3]!);
    const report = await verifyDigestChain(store, { anchor: anchor() });
    expect(report).toMatchObject({ ok: false, anchor: { status: 'head-mismatch' } });
    expect(report.gaps).toEqual([
      {
        fromPosition: `${positions[2]! + 1n}`,
        toPosition: `${positions[8]! - 1n}`,
        missing: 1,
        streams: [{ streamId: 'b', revisions: '1' }],
      },
    ]);
  });

  it('a stream whose first events are gone (a $tb, a truncated stream) is a gap from revision 0', async () => {
    double.scavengeFromAll((event) => event.streamName === 'c' && event.revision < 2n);
    const report = await verifyDigestChain(store);
    expect(report).toMatchObject({ ok: false, anchor: { status: 'none' } });
    expect(report.gaps).toEqual([
      expect.objectContaining({ missing: 2, streams: [{ streamId: 'c', revisions: '0..1' }] }),
    ]);
  });
});
