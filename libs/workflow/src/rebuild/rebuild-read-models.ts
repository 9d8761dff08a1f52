import type Database from 'better-sqlite3';
import { CheckpointedSubscriptionRunner } from '@libs/event-sourcing';
import type { CheckpointStore, EventStore, EventTypeRegistry, Position, Projection } from '@libs/event-sourcing';
import {
  ApplicationsProjection,
  PendingDeadlinesProjection,
  QuotaUsageProjection,
  READ_MODEL_TABLES,
  ReadModelName,
  resetReadModel,
  SubsidyTotalsProjection,
  tableDigest,
} from '@infra/read-models';

/** How far a rebuild has come; `processed` is an estimate (to one sample) until `phase` is 'done'. */
export interface RebuildProgress {
  readonly phase: 'replaying' | 'done';
  /** Events of the store (up to the head captured at the start) every projection has passed. */
  readonly processed: number;
  /** Events in the store up to that head. */
  readonly total: number;
  readonly elapsedSeconds: number;
  /** Events per second so far (0 before the first second's worth of work is measurable). */
  readonly ratePerSecond: number;
  /** Seconds left at the current rate; null while the rate is still unknown. */
  readonly etaSeconds: number | null;
}

export interface RebuildOptions {
  readonly store: EventStore;
  readonly registry: EventTypeRegistry;
  /** The read-models database to rebuild in: the live one (after stopping the service) or a fresh one. */
  readonly db: Database.Database;
  /** The checkpoints kept in that database (SqliteCheckpointStore on `db`). */
  readonly checkpoints: CheckpointStore;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** How often `onProgress` is called while replaying; 250 ms by default. */
  readonly progressIntervalMs?: number;
  /** Milliseconds, monotonic; `performance.now` by default (tests inject their own). */
  readonly now?: () => number;
}

export interface RebuildResult {
  /** Events in the store up to the head captured at the start, all replayed. */
  readonly events: number;
  /** The head the projections were brought to (null: an empty store). */
  readonly head: Position | null;
  readonly seconds: number;
  /** SHA-256 of every read-model table after the rebuild (`tableDigest`), by table name. */
  readonly digests: Record<string, string>;
}

/** Builds each read model's projection on `db`; the constructors create the tables they need. */
const PROJECTIONS: Record<ReadModelName, (db: Database.Database, registry: EventTypeRegistry) => Projection> = {
  applications: (db, registry) => new ApplicationsProjection(db, registry),
  'quota-usage': (db, registry) => new QuotaUsageProjection(db, registry),
  'subsidy-totals': (db, registry) => new SubsidyTotalsProjection(db, registry),
  'pending-deadlines': (db, registry) => new PendingDeadlinesProjection(db, registry),
};

/** One position kept every so many events while counting, to turn a runner's position into a count. */
const SAMPLE_EVERY = 256;

/**
 * Rebuilds every read model of READ_MODEL_TABLES from the events: drops its tables, forgets its
 * checkpoint, constructs a fresh projection (which creates the tables anew) and replays the store
 * up to the head captured at the start, all projections side by side, each on its own runner.
 *
 * Only projections run here: no saga, no EventBus bridge, no scheduler. A rebuild therefore never
 * appends an event, never issues a command, never fires a deadline; replaying history cannot
 * repeat its effects. (The CLI, which calls this, runs the workflow module with
 * `runSubscriptions: false`, so no saga runs anywhere in its process either.)
 *
 * Whoever else writes these tables must be stopped meanwhile (the service's own runners), or the
 * rebuild must be pointed at a copy of the read-models file.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const { store, registry, db, checkpoints, onProgress } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const head = await store.headPosition();

  // Count first (one read, no projection work): it gives the total and the ETA.
  const samples: Position[] = [];
  let total = 0;
  if (head !== null) {
    for await (const event of store.readAll()) {
      if (event.position > head) break;
      if (total % SAMPLE_EVERY === 0) samples.push(event.position);
      total += 1;
    }
  }

  const runners: CheckpointedSubscriptionRunner[] = [];
  for (const name of Object.keys(READ_MODEL_TABLES) as ReadModelName[]) {
    resetReadModel(db, name);
    await checkpoints.reset(name);
    const projection = PROJECTIONS[name](db, registry);
    if (projection.name !== name) throw new Error(`read model "${name}" is projected by "${projection.name}"`);
    runners.push(new CheckpointedSubscriptionRunner(store, checkpoints, projection));
  }

  const report = (phase: RebuildProgress['phase'], processed: number): void => {
    if (!onProgress) return;
    const elapsedSeconds = (now() - started) / 1000;
    const ratePerSecond = elapsedSeconds > 0 ? processed / elapsedSeconds : 0;
    const etaSeconds = phase === 'done' ? 0 : ratePerSecond > 0 ? (total - processed) / ratePerSecond : null;
    onProgress({ phase, processed, total, elapsedSeconds, ratePerSecond, etaSeconds });
  };

  if (head !== null) {
    const timer = setInterval(() => report('replaying', processedUpTo(slowest(runners), samples, total, head)), options.progressIntervalMs ?? 250);
    timer.unref?.();
    try {
      for (const runner of runners) await runner.start();
      await Promise.all(runners.map((runner) => runner.waitFor(head)));
    } finally {
      clearInterval(timer);
      for (const runner of runners) await runner.stop();
    }
  }
  report('done', total);

  const digests: Record<string, string> = {};
  for (const tables of Object.values(READ_MODEL_TABLES)) for (const table of tables) digests[table] = tableDigest(db, table);
  return { events: total, head, seconds: (now() - started) / 1000, digests };
}

/** The position every runner has passed (null: one has not begun). */
function slowest(runners: readonly CheckpointedSubscriptionRunner[]): Position | null {
  let min: Position | null = null;
  for (const runner of runners) {
    const progress = runner.progress;
    if (progress === null) return null;
    if (min === null || progress < min) min = progress;
  }
  return min;
}

/** How many events lie at or before `position`, to the sample below it. */
function processedUpTo(position: Position | null, samples: readonly Position[], total: number, head: Position): number {
  if (position === null) return 0;
  if (position >= head) return total;
  let lo = 0;
  let hi = samples.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]! <= position) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : Math.min(total, found * SAMPLE_EVERY + 1);
}
