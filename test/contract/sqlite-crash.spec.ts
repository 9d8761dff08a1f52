import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RecordedEvent, WrongExpectedRevisionError } from '@libs/event-sourcing';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { collect, idsOf, newEvents, Puller, revisionsOf } from './fixtures';
import { BATCH_SIZE, batchEventId, crashStreamOf, parseBatchEventId } from './support/crash-batches';

const REGISTER = resolve(__dirname, '..', 'support', 'swc-register.js');
const WRITER = resolve(__dirname, 'support', 'crash-writer.ts');
// A bound, not a speed target: each test starts child processes that compile TypeScript first, and CI runs
// other suites beside it on two cores.
const TIMEOUT_MS = 90_000;
const range = (length: number) => Array.from({ length }, (_, index) => index);

interface WriterRun {
  /** Resolves with the child's stdout lines once it exits (or was killed). */
  readonly exited: Promise<{ lines: string[]; code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when the child prints "ready" (contend mode). */
  readonly ready: Promise<void>;
  /** Lets a ready child start. */
  start(): void;
}

/** Children still running; a failed or timed-out test must not leave one writing behind it. */
const running = new Set<ChildProcess>();

/** Runs the crash writer in its own Node process; `onLine` may SIGKILL it via the `kill` it is given. */
function runWriter(args: string[], onLine?: (line: string, kill: () => void) => void): WriterRun {
  const child = spawn(process.execPath, ['--require', REGISTER, WRITER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let onReady = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  const kill = () => child.kill('SIGKILL');
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      if (line === 'ready') onReady();
      else lines.push(line);
      onLine?.(line, kill);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ lines: string[]; code: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') fail(new Error(`crash writer failed (${code ?? signal}):\n${stderr}`));
      else done({ lines, code, signal });
    });
  });
  return { exited, ready, start: () => child.stdin.end('go\n') };
}

/** Groups the stored crash-writer events by batch, asserting each batch is whole and where it belongs. */
function expectWholeBatches(events: readonly RecordedEvent[], writer: number): Map<number, RecordedEvent[]> {
  const batches = new Map<number, RecordedEvent[]>();
  for (const event of events) {
    const { writer: from, batch } = parseBatchEventId(event.eventId);
    expect(from).toBe(writer);
    batches.set(batch, [...(batches.get(batch) ?? []), event]);
  }
  for (const [batch, stored] of batches) {
    expect(idsOf(stored)).toEqual(range(BATCH_SIZE).map((index) => batchEventId(writer, batch, index)));
    const first = stored[0]!.revision;
    expect(revisionsOf(stored)).toEqual(range(BATCH_SIZE).map((index) => first + index));
    expect(new Set(stored.map((event) => event.streamId)).size).toBe(1);
  }
  return batches;
}

async function expectContiguousStreams(store: SqliteEventStore, streamIds: Iterable<string>): Promise<void> {
  for (const streamId of streamIds) {
    const stream = await collect(store.readStream(streamId));
    expect(revisionsOf(stream)).toEqual(range(stream.length));
    expect(await store.streamRevision(streamId)).toBe(stream.length - 1);
  }
}

describe('SQLite event store, across processes and crashes', () => {
  let dir: string;
  let filename: string;
  const opened: SqliteEventStore[] = [];
  const open = () => {
    const store = SqliteEventStore.open({ filename, synchronous: 'FULL', pollIntervalMs: 10 });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kandas-'));
    filename = join(dir, 'events.sqlite');
  });
  afterEach(async () => {
    for (const child of running) child.kill('SIGKILL');
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'keeps every acknowledged batch, and no partial one, when the writer process is SIGKILLed mid-stream, again and again',
    async () => {
      // Each run restarts from batch 0: batches already stored are idempotent retries, then it goes on.
      let acknowledged = -1;
      for (const killAt of [50, 120, 190]) {
        const run = runWriter([filename, 'sequential'], (line, kill) => {
          const batch = Number(line.replace('ack ', ''));
          acknowledged = Math.max(acknowledged, batch);
          if (batch >= killAt) kill();
        });
        const { signal } = await run.exited;
        expect(signal).toBe('SIGKILL');
        expect(acknowledged).toBeGreaterThanOrEqual(killAt);

        const store = open();
        const events = await collect(store.readAll());
        const batches = expectWholeBatches(events, 0);
        const stored = [...batches.keys()].sort((a, b) => a - b);
        expect(stored).toEqual(range(stored.length)); // a prefix: batch n is there only if every earlier one is
        expect(stored.length).toBeGreaterThan(acknowledged); // every acknowledged batch is there
        for (const [batch, batchStored] of batches) expect(batchStored[0]!.streamId).toBe(crashStreamOf(batch));
        await expectContiguousStreams(store, new Set(events.map((event) => event.streamId)));
        expect(events[0]!.data).toEqual({ writer: 0, batch: 0, index: 0, text: 'Қазақстан' });
        await store.close();
      }
    },
    TIMEOUT_MS,
  );

  it(
    'serialises two writer processes that open a new file together and race on one stream: every batch lands whole, revisions stay contiguous',
    async () => {
      const writers = [1, 2].map((writer) => runWriter([filename, 'contend', String(writer), '40']));
      await Promise.race([
        Promise.all(writers.map((writer) => writer.ready)),
        ...writers.map((writer) => writer.exited),
      ]);
      writers.forEach((writer) => writer.start());
      const outputs = await Promise.all(writers.map((writer) => writer.exited));
      outputs.forEach((output) => expect(output.lines).toEqual([expect.stringMatching(/^done 200 conflicts \d+$/)]));

      const store = open();
      const stream = await collect(store.readStream('contended'));
      expect(revisionsOf(stream)).toEqual(range(400));
      for (const writer of [1, 2]) {
        const own = stream.filter((event) => parseBatchEventId(event.eventId).writer === writer);
        expect([...expectWholeBatches(own, writer).keys()].sort((a, b) => a - b)).toEqual(range(40));
      }
    },
    TIMEOUT_MS,
  );

  it('lets exactly one of two connections appending at the same expected revision win', async () => {
    const [first, second] = [open(), open()];
    await first.append('application-1', newEvents(2), { expectedRevision: 'no-stream' });
    const batches = [newEvents(3), newEvents(3)];
    const outcomes = await Promise.allSettled([
      first.append('application-1', batches[0]!, { expectedRevision: 1 }),
      second.append('application-1', batches[1]!, { expectedRevision: 1 }),
    ]);
    const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [batches[index]!] : []));
    const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toBeInstanceOf(WrongExpectedRevisionError);
    expect(losers[0]).toMatchObject({ actual: 4 });
    for (const store of [first, second]) {
      expect(idsOf(await collect(store.readStream('application-1', { fromRevision: 2 })))).toEqual(idsOf(winners[0]!));
    }
  });

  it('delivers to a subscription on one connection the events appended through another', async () => {
    const [subscriber, writer] = [open(), open()];
    const puller = new Puller(subscriber.subscribeToAll({ fromPosition: 'end' }));
    const pending = puller.take(3);
    const events = newEvents(3);
    await writer.append('application-1', events, { expectedRevision: 'no-stream' });
    expect(idsOf(await pending)).toEqual(idsOf(events));
    await puller.subscription.close();
  });
});
