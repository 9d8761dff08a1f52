/**
 * Child process of sqlite-crash.spec.ts; run with test/support/swc-register.js. Uses OUR store.
 *
 *   crash-writer.ts <file> sequential   appends batch 0, 1, 2, ... of 5 events to 7 streams,
 *                                       printing "ack <batch>" after each append resolves, until killed
 *   crash-writer.ts <file> contend <writer> <batches>
 *                                       appends <batches> batches to one stream that another writer
 *                                       process appends to as well, reloading and retrying on conflict;
 *                                       prints "ready", starts at the first line on stdin
 */
import { WrongExpectedRevisionError } from '@libs/event-sourcing';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { BATCH_SIZE, batchEvents, crashStreamOf } from './crash-batches';

const MAX_BATCHES = 20_000; // a bound in case the parent dies without killing us

async function sequential(store: SqliteEventStore): Promise<void> {
  const revisions = new Map<string, number>();
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const streamId = crashStreamOf(batch);
    const expectedRevision = revisions.get(streamId) ?? -1;
    const result = await store.append(streamId, batchEvents(0, batch), { expectedRevision });
    revisions.set(streamId, result.nextExpectedRevision);
    process.stdout.write(`ack ${batch}\n`);
  }
}

/** Resolves when the parent writes a line on stdin, so that racing writers start together. */
function startSignal(): Promise<void> {
  return new Promise((resolve) => process.stdin.once('data', () => resolve()));
}

async function contend(store: SqliteEventStore, writer: number, batches: number): Promise<void> {
  process.stdout.write('ready\n');
  await startSignal();
  process.stdin.destroy();
  let conflicts = 0;
  for (let batch = 0; batch < batches; batch++) {
    for (;;) {
      const expectedRevision = await store.streamRevision('contended');
      try {
        await store.append('contended', batchEvents(writer, batch), { expectedRevision });
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        conflicts += 1;
      }
    }
  }
  process.stdout.write(`done ${batches * BATCH_SIZE} conflicts ${conflicts}\n`);
}

async function main(): Promise<void> {
  const [filename, mode, writer, batches] = process.argv.slice(2);
  if (!filename) throw new Error('usage: crash-writer.ts <file> sequential | contend <writer> <batches>');
  const store = SqliteEventStore.open({ filename, synchronous: 'FULL', busyTimeoutMs: 10_000 });
  if (mode === 'sequential') return sequential(store); // never closed: the parent kills us
  await contend(store, Number(writer), Number(batches));
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
