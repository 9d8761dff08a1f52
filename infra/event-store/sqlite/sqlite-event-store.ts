import type Database from 'better-sqlite3';
import {
  AppendOptions,
  AppendResult,
  AppendSignal,
  catchUpSubscription,
  EventFilter,
  EventStore,
  EventStoreUnavailableError,
  NewEvent,
  Page,
  planAppend,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  serializeData,
  StoreHealth,
  SubscribeToAllOptions,
  Subscription,
  validateAppend,
  validateMaxCount,
  validateStartPosition,
  validateStartRevision,
} from '@libs/event-sourcing';
import { migrate } from './schema';
import { chainHashOf, eventContent, streamHashOf } from './event-hash';
import { openSqlite, SqliteConnectionOptions } from '@infra/sqlite/connection';
import { describeSqliteFault, isSqliteError } from '@infra/sqlite/sqlite-faults';
import { checkSqliteHealth, DEFAULT_MIN_FREE_BYTES } from '@infra/sqlite/sqlite-health';
import { SqliteStatements, toRecordedEvent } from './sqlite-statements';
import { DEFAULT_RECENT_EVENTS, filterMatcher, RecentEvents, WrittenEvent } from './recent-events';

export interface SqliteEventStoreOptions extends SqliteConnectionOptions {
  /** How often an idle subscription looks for events appended by another process. */
  readonly pollIntervalMs?: number;
  readonly pageSize?: number;
  readonly now?: () => Date;
  /** Free space below which `checkHealth` says the store cannot take appends. */
  readonly minFreeBytes?: number;
  /** How many of its own latest events the store answers reads from memory with (RecentEvents); 0: none. */
  readonly recentEvents?: number;
}

interface QueuedAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: AppendOptions['expectedRevision'];
  readonly rows: ReadonlyArray<{ readonly data: string; readonly metadata: string }>;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type AppendOutcome =
  { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/**
 * The embedded default: one SQLite file in WAL mode. Uniqueness of (stream, revision) and of event
 * id is enforced by the schema itself; every append runs in an IMMEDIATE transaction (its own
 * savepoint in it, when concurrent appends are committed together), so a batch is all-or-nothing
 * and two writers (even in two processes) cannot both pass the revision check.
 */
export class SqliteEventStore implements EventStore {
  /** Event ids are a unique column of the one events table (see the port). */
  readonly eventIdsUniqueStoreWide: boolean = true;
  private readonly signal = new AppendSignal();
  private readonly sql: SqliteStatements;
  private readonly pageSize: number;
  private readonly now: () => Date;
  private closed = false;
  /** Appends called since the last commit, written together on the next turn of the event loop. */
  private queued: QueuedAppend[] = [];
  private readonly writeBatch: Database.Transaction<
    (batch: readonly QueuedAppend[], outcomes: AppendOutcome[]) => void
  >;
  private readonly writeOne: Database.Transaction<(append: QueuedAppend) => AppendResult>;
  /** Once SQLite has said the file is corrupt, nothing it says later is trusted until a restart. */
  private corruption: string | undefined;
  private readonly recent: RecentEvents;
  /** Rows the open transaction wrote, handed to `recent` once it commits. */
  private written: WrittenEvent[] = [];

  private constructor(
    readonly db: Database.Database,
    private readonly options: SqliteEventStoreOptions,
  ) {
    this.sql = new SqliteStatements(db);
    const dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.recent = new RecentEvents(() => dataVersion.get() as number, options.recentEvents ?? DEFAULT_RECENT_EVENTS);
    // Made once: better-sqlite3 builds a wrapper per db.transaction() call. Called inside the
    // batch's transaction, `writeOne` runs in a SAVEPOINT: a throw rolls back that append only.
    const writeOne = db.transaction((append: QueuedAppend) => this.write(append));
    this.writeOne = writeOne;
    this.writeBatch = db.transaction((batch: readonly QueuedAppend[], outcomes: AppendOutcome[]) => {
      for (const append of batch) {
        const writtenBefore = this.written.length;
        try {
          outcomes.push({ ok: true, result: writeOne(append) });
        } catch (error) {
          if (isSqliteError(error)) throw error;
          this.written.length = writtenBefore; // rolled back to its savepoint
          outcomes.push({ ok: false, error });
        }
      }
    });
    this.pageSize = options.pageSize ?? 512;
    this.now = options.now ?? (() => new Date());
  }

  /** Opens (and migrates) the file; a file that is locked, corrupt or not SQLite at all fails here, in words. */
  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    let db: Database.Database | undefined;
    try {
      db = openSqlite(options);
      migrate(db);
      return new SqliteEventStore(db, options);
    } catch (error) {
      db?.close();
      if (!isSqliteError(error)) throw error;
      const { fault, explanation } = describeSqliteFault(error, options.filename);
      throw new EventStoreUnavailableError(`Cannot open the SQLite event store: ${explanation}`, {
        cause: error,
        fault,
      });
    }
  }

  /**
   * Group commit: appends called in the same turn of the event loop are written together, in the
   * order they were called, in one IMMEDIATE transaction — one commit, so one fsync under
   * synchronous=FULL, for all of them — each inside its own savepoint. An append whose revision
   * check fails (or that throws anything else of ours) is rolled back to its savepoint and fails
   * alone; the others commit. Each one checks and writes after the ones before it in the batch, so
   * the outcome is the one the same calls made one after the other would get. Nothing is answered
   * before the commit has returned: an acknowledged append is as durable as before. A fault of
   * SQLite itself (disk full, locked, corrupt) fails the whole batch, and every append in it.
   */
  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    validateAppend(streamId, events, options.expectedRevision);
    const rows = events.map((event, index) => ({
      data: serializeData(event.data, `events[${index}].data`),
      metadata: serializeData(event.metadata, `events[${index}].metadata`),
    }));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queued.push({ streamId, events, expectedRevision: options.expectedRevision, rows, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.commitQueued());
    });
  }

  /** Writes every queued append in one transaction (see `append`), then answers each. */
  private commitQueued(): void {
    const batch = this.queued;
    if (batch.length === 0) return;
    this.queued = [];
    if (batch.length === 1) return this.commitAlone(batch[0]!);
    const outcomes: AppendOutcome[] = [];
    try {
      this.ensureOpen();
      this.guard(() => this.writeBatch.immediate(batch, outcomes));
      this.rememberWritten();
    } catch (error) {
      this.written = [];
      for (const append of batch) append.reject(error);
      return;
    }
    if (outcomes.some((outcome) => outcome.ok)) this.signal.notify();
    batch.forEach((append, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
  }

  /** An append alone in its turn needs no savepoint: its own transaction rolls back whole (measured: +20% for a lone writer). */
  private commitAlone(append: QueuedAppend): void {
    try {
      this.ensureOpen();
      const result = this.guard(() => this.writeOne.immediate(append));
      this.rememberWritten();
      this.signal.notify();
      append.resolve(result);
    } catch (error) {
      this.written = [];
      append.reject(error);
    }
  }

  /** After a commit: what it wrote becomes readable from memory. */
  private rememberWritten(): void {
    const written = this.written;
    this.written = [];
    this.recent.committed(written);
  }

  /** One append, inside the batch's transaction: the revision check, the rows, their hashes. */
  private write({ streamId, events, expectedRevision, rows }: QueuedAppend): AppendResult {
    const plan = planAppend(streamId, events, expectedRevision, {
      streamRevision: (id) => this.sql.streamRevision(id),
      findEvent: (id) => this.sql.findEvent(id),
    });
    if (plan.kind === 'already-stored') return plan.result;
    const recordedAt = this.now().toISOString();
    let position: Position = 0n;
    let { streamHash, chainHash } = this.sql.previousHashes(streamId, plan.firstRevision - 1);
    events.forEach((event, index) => {
      const row = {
        eventId: event.eventId,
        streamId,
        revision: plan.firstRevision + index,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: rows[index]!.data,
        metadata: rows[index]!.metadata,
        recordedAt,
      };
      position = this.sql.insert(row);
      this.written.push({
        eventId: row.eventId,
        streamId,
        revision: row.revision,
        position,
        type: row.type,
        schemaVersion: row.schemaVersion,
        data: row.data,
        metadata: row.metadata,
        recordedAt,
      });
      // The position is part of the hashed content and known only once the row is in.
      streamHash = streamHashOf(streamHash, eventContent({ ...row, position }));
      chainHash = chainHashOf(chainHash, streamHash);
      this.sql.setHashes(position, streamHash, chainHash);
    });
    return { streamId, nextExpectedRevision: plan.firstRevision + events.length - 1, position };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    validateStartRevision(options.fromRevision);
    validateMaxCount(options.maxCount);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    this.ensureOpen();
    // fromRevision is inclusive: forwards from 'end' reads the last event, as the in-memory store does.
    const end = () => (backwards ? Number.MAX_SAFE_INTEGER : this.guard(() => this.sql.streamRevision(streamId)));
    let cursor = from === 'start' ? 0 : from === 'end' ? end() : from;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    const recent = backwards ? undefined : this.recent.streamFrom(streamId, cursor, remaining);
    if (recent) {
      yield* recent;
      return;
    }
    while (remaining > 0) {
      this.ensureOpen();
      const limit = Math.min(this.pageSize, remaining);
      const rows = this.guard(() => this.sql.streamPage(streamId, cursor, limit, backwards));
      for (const row of rows) yield toRecordedEvent(row);
      remaining -= rows.length;
      if (rows.length < limit) return;
      const last = Number(rows[rows.length - 1]!.revision);
      cursor = backwards ? last - 1 : last + 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    validateStartPosition(options.fromPosition, 'fromPosition');
    validateMaxCount(options.maxCount);
    let after: Position | null =
      options.fromPosition === undefined || options.fromPosition === 'start' ? null : options.fromPosition - 1n;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      this.ensureOpen();
      const page = this.readPage(after, Math.min(this.pageSize, remaining), options.filter);
      for (const event of page.events) yield event;
      remaining -= page.events.length;
      if (page.scannedUpTo === null || page.scannedUpTo === after) return;
      after = page.scannedUpTo;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    validateStartPosition(options.fromPosition, 'fromPosition');
    this.ensureOpen();
    return catchUpSubscription({
      source: {
        readPage: (after, limit, filter) => this.readPage(after, limit, filter),
        headPosition: () => this.head(),
      },
      signal: this.signal,
      fromPosition: options.fromPosition ?? 'start',
      filter: options.filter,
      onCheckpoint: options.onCheckpoint,
      pageSize: this.pageSize,
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
    });
  }

  async streamRevision(streamId: string): Promise<number> {
    this.ensureOpen();
    return this.guard(() => this.sql.streamRevision(streamId));
  }

  async headPosition(): Promise<Position | null> {
    this.ensureOpen();
    return this.head();
  }

  async countUpTo(position: Position): Promise<number> {
    this.ensureOpen();
    // COUNT(*) of the whole table runs on its smallest index; the events past the position are a short range.
    const count = this.db
      .prepare('SELECT (SELECT COUNT(*) FROM events) - (SELECT COUNT(*) FROM events WHERE position > ?)')
      .pluck()
      .get(position);
    return Number(count);
  }

  async checkHealth(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, fault: 'closed', detail: 'the SQLite event store is closed' };
    if (this.corruption) return { ok: false, fault: 'corrupt', detail: this.corruption };
    const health = checkSqliteHealth(this.db, { minFreeBytes: this.options.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES });
    if (!health.ok && health.fault === 'corrupt') this.corruption = health.detail;
    return health;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already called are written (and answered) before the file closes.
    this.commitQueued();
    this.closed = true;
    this.signal.releaseAll();
    this.db.close();
  }

  /**
   * No transaction: the head is read first, then the page up to it. Positions are taken under the
   * write lock and a batch's rows (hashes included) commit at once, so once a head is seen every
   * event up to it is committed and a later read sees exactly those: the page is what a single
   * snapshot would give, without the BEGIN and COMMIT every live subscription paid after every append.
   */
  private readPage(after: Position | null, limit: number, filter: EventFilter | undefined): Page {
    this.ensureOpen();
    const recent = this.recent.page(after, limit, filterMatcher(filter));
    if (recent) return recent;
    return this.guard((): Page => {
      const head = this.sql.head();
      if (head === null) return { events: [], scannedUpTo: after };
      // Never move back below `after`: a checkpoint past the head must not replay what lies before it.
      if (after !== null && after >= head) return { events: [], scannedUpTo: after };
      const page = this.sql.allPage(after ?? 0n, head, limit, filter);
      return { events: page.rows.map(toRecordedEvent), scannedUpTo: page.scannedUpTo };
    });
  }

  private head(): Position | null {
    const known = this.recent.headIfKnown();
    return known !== undefined ? known : this.guard(() => this.sql.head());
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('the SQLite event store is closed', { fault: 'closed' });
  }

  /** SQLite's own failures (disk full, locked, corrupt) become one typed error; ours pass through. */
  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (!isSqliteError(error)) throw error;
      const { fault, explanation } = describeSqliteFault(error, this.db.name);
      if (fault === 'corrupt') this.corruption ??= explanation;
      throw new EventStoreUnavailableError(`SQLite event store: ${explanation}`, { cause: error, fault });
    }
  }
}
