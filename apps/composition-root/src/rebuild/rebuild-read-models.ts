import type Database from 'better-sqlite3';
import type {
  CheckpointStore,
  EventStore,
  EventTypeRegistry,
  Position,
  Projection,
  RecordedEvent,
} from '@libs/event-sourcing';
import { NoticeDeliveriesProjection } from '@infra/read-models/notice-deliveries.projection';
import {
  ApplicationsProjection,
  PendingDeadlinesProjection,
  QuotaUsageProjection,
  PaymentRegisterProjection,
  createIndexes,
  dropSecondaryIndexes,
  READ_MODEL_TABLES,
  ReadModelName,
  resetReadModel,
  SubsidyTotalsProjection,
  tableDigest,
} from '@infra/read-models';

/** How far a rebuild has come. */
export interface RebuildProgress {
  readonly phase: 'replaying' | 'done';
  /** Events of the store (up to the head captured at the start) every projection has committed. */
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
  /** Events applied per transaction; REBUILD_BATCH_SIZE by default. */
  readonly batchSize?: number;
}

export interface RebuildResult {
  /** Events in the store up to the head captured at the start, all replayed. */
  readonly events: number;
  /** The head the projections were brought to (null: an empty store). */
  readonly head: Position | null;
  readonly seconds: number;
  /** SHA-256 of every read-model table after the rebuild (`tableDigest`), by table name. */
  readonly digests: Record<string, string>;
  /** Where the seconds went: counting the events, replaying them, building the indexes, the digests. */
  readonly timings: {
    readonly count: number;
    readonly replay: number;
    readonly indexes: number;
    readonly digests: number;
  };
}

/** Builds each read model's projection on `db`; the constructors create the tables they need. */
const PROJECTIONS: Record<ReadModelName, (db: Database.Database, registry: EventTypeRegistry) => Projection> = {
  applications: (db, registry) => new ApplicationsProjection(db, registry),
  'quota-usage': (db, registry) => new QuotaUsageProjection(db, registry),
  'subsidy-totals': (db, registry) => new SubsidyTotalsProjection(db, registry),
  'pending-deadlines': (db, registry) => new PendingDeadlinesProjection(db, registry),
  'notice-deliveries': (db, registry) => new NoticeDeliveriesProjection(db, registry),
  'payment-register': (db, registry) => new PaymentRegisterProjection(db, registry),
};

/** Events applied per transaction: one commit (and one checkpoint per projection) per batch. */
export const REBUILD_BATCH_SIZE = 1_000;

/**
 * While rebuilding, the write-ahead log is copied into the database every this many pages (about
 * 64 MB) instead of SQLite's default 1,000 (4 MB), which would copy it after nearly every batch.
 */
const REBUILD_WAL_AUTOCHECKPOINT_PAGES = 16_384;

/** The connection settings a rebuild changes for its bulk load, to put back when it ends. */
interface ConnectionSettings {
  readonly synchronous: number;
  readonly walAutocheckpoint: number;
}

/**
 * Bulk-load settings: a longer write-ahead log between checkpoints, and synchronous = NORMAL — in
 * WAL mode a commit is then not synced on its own (a power cut may lose the last batches, never
 * corrupt the file, and a batch and its checkpoints are lost together, so the read models stay at
 * their checkpoints); `restore` syncs everything once, at the end.
 */
function bulkLoadSettings(db: Database.Database): ConnectionSettings {
  const before = {
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    walAutocheckpoint: db.pragma('wal_autocheckpoint', { simple: true }) as number,
  };
  if (before.synchronous > 1) db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${Math.max(before.walAutocheckpoint, REBUILD_WAL_AUTOCHECKPOINT_PAGES)}`);
  return before;
}

function restoreSettings(db: Database.Database, settings: ConnectionSettings): void {
  db.pragma(`synchronous = ${settings.synchronous}`);
  db.pragma(`wal_autocheckpoint = ${settings.walAutocheckpoint}`);
  // Copies the log into the database and syncs it (what NORMAL left unsynced), and empties the log.
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Rebuilds every read model of READ_MODEL_TABLES from the events: drops its tables, forgets its
 * checkpoint, constructs a fresh projection (which creates the tables anew) and replays the store
 * up to the head captured at the start.
 *
 * One pass over the store for all projections: each event is read and decoded once, handed to every
 * projection whose filter takes it, and the events are applied in batches (REBUILD_BATCH_SIZE), one
 * transaction per batch that also moves every projection's checkpoint to the batch's last position
 * (`CheckpointStore.commitAll`): a crash in the middle leaves each read model exactly at its
 * checkpoint, as a runner would. The pass reads the store unfiltered, in position order: the
 * projections together take nearly every event type, and a scan of the positions is the cheapest
 * read of all. Only a batch is held in memory, never the history.
 *
 * As any bulk load, it builds the tables' secondary indexes once at the end rather than updating
 * them row by row (their definitions are read back from the schema; a rebuild that fails leaves
 * them to the projections' constructors, which create what is missing), and lets the write-ahead
 * log grow a little longer between checkpoints. Neither changes a row, so the digests are those of
 * the live, incremental read models.
 *
 * Only projections run here: no saga, no scheduler. A rebuild therefore never
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
  const progressIntervalMs = options.progressIntervalMs ?? 250;
  const started = now();
  const head = await store.headPosition();
  // The total first, for the bar and the ETA.
  const total = head === null ? 0 : await store.countUpTo(head);
  const counted = now();

  const projections: Projection[] = [];
  for (const name of Object.keys(READ_MODEL_TABLES) as ReadModelName[]) {
    resetReadModel(db, name);
    await checkpoints.reset(name);
    const projection = PROJECTIONS[name](db, registry);
    if (projection.name !== name) throw new Error(`read model "${name}" is projected by "${projection.name}"`);
    projections.push(projection);
  }

  const report = (phase: RebuildProgress['phase'], processed: number): void => {
    if (!onProgress) return;
    const elapsedSeconds = (now() - started) / 1000;
    const ratePerSecond = elapsedSeconds > 0 ? processed / elapsedSeconds : 0;
    const etaSeconds = phase === 'done' ? 0 : ratePerSecond > 0 ? (total - processed) / ratePerSecond : null;
    onProgress({ phase, processed, total, elapsedSeconds, ratePerSecond, etaSeconds });
  };

  let processed = 0;
  let lastReport = now();
  let replayed: number;
  const settings = bulkLoadSettings(db);
  const indexes = dropSecondaryIndexes(db, Object.values(READ_MODEL_TABLES).flat());
  // The indexes and settings come back whether or not the replay succeeds. A failed replay's own error
  // is the one to report (it leaves the finally block); a failed clean-up after a good replay is thrown below.
  let cleanup: { error: unknown } | undefined;
  try {
    if (head !== null) {
      const tick = (count: number): boolean => {
        processed = count;
        if (now() - lastReport < progressIntervalMs) return false;
        lastReport = now();
        report('replaying', Math.min(processed, total));
        return true;
      };
      processed = await replay(store, head, projections, checkpoints, options.batchSize ?? REBUILD_BATCH_SIZE, tick);
    }
    replayed = now();
  } finally {
    try {
      createIndexes(db, indexes);
    } catch (error) {
      cleanup = { error };
    }
    try {
      restoreSettings(db, settings);
    } catch (error) {
      cleanup ??= { error };
    }
  }
  if (cleanup) throw cleanup.error;
  const indexed = now();
  report('done', processed);

  const digests: Record<string, string> = {};
  for (const tables of Object.values(READ_MODEL_TABLES))
    for (const table of tables) digests[table] = tableDigest(db, table);
  const finished = now();
  const seconds = (from: number, to: number) => (to - from) / 1000;
  return {
    events: processed,
    head,
    seconds: seconds(started, finished),
    digests,
    timings: {
      count: seconds(started, counted),
      replay: seconds(counted, replayed),
      indexes: seconds(replayed, indexed),
      digests: seconds(indexed, finished),
    },
  };
}

/**
 * One read of the store up to `head`, in batches of `batchSize` events, each applied to the
 * projections that take its events and committed with every projection's checkpoint. `tick` is
 * told the count after each batch and says whether it reported progress; if so, the event loop
 * gets a turn (reading SQLite resolves in microtasks only, which would starve timers and output).
 */
async function replay(
  store: EventStore,
  head: Position,
  projections: readonly Projection[],
  checkpoints: CheckpointStore,
  batchSize: number,
  tick: (processed: number) => boolean,
): Promise<number> {
  const route = router(projections);
  let processed = 0;
  let batch: RecordedEvent[] = [];
  const flush = async (): Promise<void> => {
    const events = batch;
    batch = [];
    const position = events[events.length - 1]!.position;
    await checkpoints.commitAll(
      projections.map((projection) => ({ consumer: projection.name, position })),
      () => {
        for (const event of events) for (const projection of route(event)) projection.apply(event);
      },
    );
    processed += events.length;
    if (tick(processed)) await new Promise<void>((resolve) => setImmediate(resolve));
  };
  for await (const event of store.readAll()) {
    if (event.position > head) break;
    batch.push(event);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return processed;
}

/** For each event, the projections whose filter takes it (decided once per stream prefix and type). */
function router(projections: readonly Projection[]): (event: RecordedEvent) => readonly Projection[] {
  const byType = new Map<string, Array<{ projection: Projection; prefixes: readonly string[] | undefined }>>();
  const candidates = (type: string) => {
    let list = byType.get(type);
    if (!list) {
      list = projections
        .filter((projection) => !projection.filter?.eventTypes || projection.filter.eventTypes.includes(type))
        .map((projection) => ({ projection, prefixes: projection.filter?.streamPrefixes }));
      byType.set(type, list);
    }
    return list;
  };
  return (event) => {
    const list = candidates(event.type);
    const chosen: Projection[] = [];
    for (const { projection, prefixes } of list) {
      if (!prefixes || prefixes.some((prefix) => event.streamId.startsWith(prefix))) chosen.push(projection);
    }
    return chosen;
  };
}
