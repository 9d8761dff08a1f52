import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceSigningKey, verifyDetached } from '@libs/auth';
import { TestClock } from '@libs/testing';
import {
  type ChainHead,
  type ChainHeadSource,
  CheckpointSigner,
  checkpointSigningText,
  NothingToCheckpointError,
  CheckpointDivergesError,
  type SignedCheckpoint,
} from '@libs/workflow';
import { AnchoredCheckpointLog } from '@infra/audit/checkpoints/anchored-checkpoint-log';
import { DirectoryCheckpointCopy, HttpWitnessCheckpointCopy } from '@infra/audit/checkpoints/checkpoint-copies';
import { JsonLinesCheckpointLog } from '@infra/audit/checkpoints/json-lines-checkpoint-log';

/** A store whose head the test sets: the signer's only view of a store. */
class MovableHead implements ChainHeadSource {
  readonly store = 'sqlite';
  current: ChainHead | undefined;
  moveTo(position: number): void {
    this.current = { position: `${position}`, events: position, headHash: `${position}`.padStart(64, '0') };
  }
  async head(): Promise<ChainHead | undefined> {
    return this.current;
  }
  async chainHashAt(position: string): Promise<string | undefined> {
    const at = Number(position);
    return this.current && at <= Number(this.current.position) ? position.padStart(64, '0') : undefined;
  }
}

const FIVE_MINUTES = 300_000;
const key = ServiceSigningKey.generate();
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kandas-checkpoints-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const localLog = () => new JsonLinesCheckpointLog(join(dir, 'checkpoints.jsonl'));
const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

describe('the checkpoint signer', () => {
  it('signs at the interval, by the clock the test moves, and only when the head moved', async () => {
    const clock = new TestClock('2026-03-02T05:00:00.000Z');
    const head = new MovableHead();
    const log = localLog();
    const signer = new CheckpointSigner(head, key, log, clock, FIVE_MINUTES);

    expect(await signer.tick()).toBeUndefined(); // an empty store: nothing to sign
    head.moveTo(10);
    expect(await signer.tick()).toMatchObject({
      position: '10',
      trigger: 'interval',
      signedAt: '2026-03-02T05:00:00.000Z',
    });
    head.moveTo(12);
    clock.advance({ minutes: 4, seconds: 59 });
    expect(await signer.tick()).toBeUndefined(); // not yet five minutes
    clock.advance({ seconds: 1 });
    expect(await signer.tick()).toMatchObject({ position: '12', signedAt: '2026-03-02T05:05:00.000Z' });
    clock.advance({ minutes: 30 });
    expect(await signer.tick()).toBeUndefined(); // the head did not move
    expect(lines(log.file)).toHaveLength(2);
  });

  it('signs a verifiable checkpoint: the signature covers every other field and checks with the public key alone', async () => {
    const head = new MovableHead();
    head.moveTo(7);
    const checkpoint = await new CheckpointSigner(head, key, localLog(), new TestClock(), FIVE_MINUTES).signNow();
    expect(verifyDetached(key.publicKeyPem, checkpointSigningText(checkpoint), checkpoint.signature)).toBe(true);
    expect(
      verifyDetached(key.publicKeyPem, checkpointSigningText({ ...checkpoint, events: 6 }), checkpoint.signature),
    ).toBe(false);
  });

  it('signs on demand even when the head did not move (a fresh receipt), never on the timer when the interval is 0', async () => {
    const head = new MovableHead();
    const signer = new CheckpointSigner(head, key, localLog(), new TestClock(), 0);
    await expect(signer.signNow()).rejects.toThrow(NothingToCheckpointError);
    head.moveTo(3);
    expect(await signer.tick()).toBeUndefined();
    await signer.signNow();
    expect(await signer.signNow()).toMatchObject({ position: '3', trigger: 'on-demand' });
    expect(lines(join(dir, 'checkpoints.jsonl'))).toHaveLength(2);
  });

  it('signs once more at shutdown when its timer ran and the head moved since the last checkpoint', async () => {
    const head = new MovableHead();
    const log = localLog();
    const signer = new CheckpointSigner(head, key, log, new TestClock('2026-03-02T05:00:00.000Z'), FIVE_MINUTES);
    head.moveTo(4);
    await signer.signNow();
    await signer.stop(); // never started: nothing more
    signer.start();
    head.moveTo(6);
    await signer.stop();
    expect(await log.latest()).toMatchObject({ position: '6', trigger: 'shutdown' });
    expect(lines(log.file)).toHaveLength(2);
  });

  it('never signs over a truncation or a re-hash: the store must still hold the head of the latest checkpoint', async () => {
    const clock = new TestClock('2026-03-02T05:00:00.000Z');
    const head = new MovableHead();
    const log = localLog();
    const signer = new CheckpointSigner(head, key, log, clock, FIVE_MINUTES);
    head.moveTo(10);
    await signer.signNow();
    head.moveTo(8); // the last two events cut off
    clock.advance({ minutes: 10 });
    await expect(signer.tick()).rejects.toThrow(
      'No checkpoint signed: the store no longer holds position 10 of the latest checkpoint; run verify',
    );
    await expect(signer.signNow()).rejects.toThrow(CheckpointDivergesError);
    head.moveTo(12);
    head.chainHashAt = async () => 'f'.repeat(64); // every hash recomputed after an edit
    await expect(signer.tick()).rejects.toThrow('is no longer the one the latest checkpoint signed');
    expect(lines(log.file)).toHaveLength(1);
  });
});

describe('copies of the checkpoints outside the service', () => {
  let witness: Server;
  let received: { body: SignedCheckpoint; contentType: string | undefined }[];
  let answer: number;
  let url: string;
  beforeEach(async () => {
    received = [];
    answer = 201;
    witness = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ body: JSON.parse(body) as SignedCheckpoint, contentType: request.headers['content-type'] });
        response.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => witness.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(witness.address() as AddressInfo).port}/checkpoints`;
  });
  afterEach(() => new Promise<void>((resolve) => (witness.listening ? witness.close(() => resolve()) : resolve())));

  it('a witness over HTTP receives every checkpoint as JSON, and a directory keeps one file per checkpoint', async () => {
    const head = new MovableHead();
    const copies = join(dir, 'witness-volume');
    const log = new AnchoredCheckpointLog(localLog(), [
      new DirectoryCheckpointCopy(copies),
      new HttpWitnessCheckpointCopy(url),
    ]);
    const clock = new TestClock('2026-03-02T05:00:00.000Z');
    const signer = new CheckpointSigner(head, key, log, clock, FIVE_MINUTES);
    head.moveTo(5);
    const first = await signer.signNow();
    head.moveTo(9);
    clock.advance({ minutes: 5 });
    const second = (await signer.tick())!;
    expect(received).toEqual([
      { body: first, contentType: 'application/json' },
      { body: second, contentType: 'application/json' },
    ]);
    expect(readdirSync(copies)).toEqual([
      'checkpoint-00000000000000000005-2026-03-02T05-00-00-000Z.json',
      'checkpoint-00000000000000000009-2026-03-02T05-05-00-000Z.json',
    ]);
    expect(JSON.parse(readFileSync(join(copies, readdirSync(copies)[1]!), 'utf8'))).toEqual(second);
    expect(Object.fromEntries(log.copyCounts())).toEqual({
      directory: { written: 2, failed: 0 },
      witness: { written: 2, failed: 0 },
    });
  });

  it('a witness that refuses, or a directory file already there, costs only that copy: the local log keeps it, the failure is counted', async () => {
    const head = new MovableHead();
    const copies = join(dir, 'witness-volume');
    const log = new AnchoredCheckpointLog(localLog(), [
      new DirectoryCheckpointCopy(copies),
      new HttpWitnessCheckpointCopy(url),
    ]);
    const signer = new CheckpointSigner(head, key, log, new TestClock('2026-03-02T05:00:00.000Z'), FIVE_MINUTES);
    head.moveTo(5);
    await signer.signNow();
    answer = 503;
    const again = await signer.signNow(); // same position, same instant: the directory will not overwrite
    expect(await log.latest()).toEqual(again);
    expect(lines(log.local.file)).toHaveLength(2);
    expect(readdirSync(copies)).toHaveLength(1);
    expect(Object.fromEntries(log.copyCounts())).toEqual({
      directory: { written: 1, failed: 1 },
      witness: { written: 1, failed: 1 },
    });
  });

  it('a witness that is not listening at all is a counted failure too', async () => {
    await new Promise<void>((resolve) => witness.close(() => resolve()));
    const log = new AnchoredCheckpointLog(localLog(), [new HttpWitnessCheckpointCopy(url)]);
    const head = new MovableHead();
    head.moveTo(1);
    await new CheckpointSigner(head, key, log, new TestClock(), FIVE_MINUTES).signNow();
    expect(log.copyCounts().get('witness')).toEqual({ written: 0, failed: 1 });
    expect(await log.latest()).toMatchObject({ position: '1' });
  });
});
