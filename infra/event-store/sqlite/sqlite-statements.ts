import type Database from 'better-sqlite3';
import { EventFilter, Position, RecordedEvent, StoredEventRef } from '@libs/event-sourcing';
import { readerCopyOf } from './recent-events';

export interface EventRow {
  readonly position: bigint;
  readonly event_id: string;
  readonly stream_id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly schema_version: bigint;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

/** A row's fields under the envelope's names, data and metadata still as the stored JSON text. */
export function rowFields(row: EventRow) {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: row.position,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return readerCopyOf(rowFields(row));
}

export interface EventInsert {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
}

const COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at';

/** A filtered page whose range (after, head] spans at most this many positions is read by position (nearHeadPage). */
const NEAR_HEAD = 256n;

/**
 * Prepared statements of the event table. Every integer comes back as a bigint (safeIntegers), so a
 * position never passes through a double on its way out.
 */
export class SqliteStatements {
  private readonly filtered = new Map<string, Database.Statement>();
  private readonly insertEvent: Database.Statement;
  private readonly selectRevision: Database.Statement;
  private readonly selectById: Database.Statement;
  private readonly selectHead: Database.Statement;
  private readonly forwards: Database.Statement;
  private readonly selectPreviousHashes: Database.Statement;
  private readonly updateHashes: Database.Statement;
  private readonly backwards: Database.Statement;
  private readonly range: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertEvent = db.prepare(
      `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at)
       VALUES (@eventId, @streamId, @revision, @type, @schemaVersion, @data, @metadata, @recordedAt)`,
    );
    this.selectRevision = db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?').safeIntegers();
    this.selectById = db
      .prepare('SELECT event_id, stream_id, revision, position FROM events WHERE event_id = ?')
      .safeIntegers();
    this.selectHead = db.prepare('SELECT MAX(position) AS head FROM events').safeIntegers();
    this.selectPreviousHashes = db.prepare(
      `SELECT (SELECT stream_hash FROM events WHERE stream_id = ? AND revision = ?) AS stream_hash,
              (SELECT chain_hash FROM events ORDER BY position DESC LIMIT 1) AS chain_hash`,
    );
    this.updateHashes = db.prepare('UPDATE events SET stream_hash = ?, chain_hash = ? WHERE position = ?');
    this.forwards = db
      .prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`)
      .safeIntegers();
    this.backwards = db
      .prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`)
      .safeIntegers();
    this.range = db
      .prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position`)
      .safeIntegers();
  }

  insert(row: EventInsert): Position {
    return BigInt(this.insertEvent.run(row).lastInsertRowid);
  }

  /**
   * The hashes an append links to: the stream's event at `previousRevision` (none below 0) and the
   * newest event of the whole store. Read inside the append's transaction, as another connection may
   * have written since. '' where there is none (or, on a tampered file, where it was cleared).
   */
  previousHashes(streamId: string, previousRevision: number): { streamHash: string; chainHash: string } {
    const row = this.selectPreviousHashes.get(streamId, previousRevision) as {
      stream_hash: string | null;
      chain_hash: string | null;
    };
    return { streamHash: previousRevision < 0 ? '' : (row.stream_hash ?? ''), chainHash: row.chain_hash ?? '' };
  }

  setHashes(position: Position, streamHash: string, chainHash: string): void {
    this.updateHashes.run(streamHash, chainHash, position);
  }

  streamRevision(streamId: string): number {
    const row = this.selectRevision.get(streamId) as { revision: bigint | null };
    return row.revision === null ? -1 : Number(row.revision);
  }

  findEvent(eventId: string): StoredEventRef | undefined {
    const row = this.selectById.get(eventId) as
      Pick<EventRow, 'event_id' | 'stream_id' | 'revision' | 'position'> | undefined;
    return (
      row && { eventId: row.event_id, streamId: row.stream_id, revision: Number(row.revision), position: row.position }
    );
  }

  head(): Position | null {
    return (this.selectHead.get() as { head: bigint | null }).head;
  }

  streamPage(streamId: string, fromRevision: number, limit: number, backwards: boolean): EventRow[] {
    return (backwards ? this.backwards : this.forwards).all(streamId, fromRevision, limit) as EventRow[];
  }

  /**
   * Events in (after, head], matching the filter, in global order: at most `limit` of them, and
   * `scannedUpTo` the last position looked at (head, unless the limit stopped the page short of it).
   */
  allPage(
    after: Position,
    head: Position,
    limit: number,
    filter: EventFilter | undefined,
  ): { rows: EventRow[]; scannedUpTo: Position } {
    const prefixes = filter?.streamPrefixes ?? [];
    const types = filter?.eventTypes ?? [];
    if (head - after <= NEAR_HEAD && (prefixes.length > 0 || types.length > 0))
      return this.nearHeadPage(after, head, limit, prefixes, types);
    const params: unknown[] = [after, head];
    // SQLite's substr() counts characters (code points), not UTF-16 units as String.length does.
    for (const prefix of prefixes) params.push(Array.from(prefix).length, prefix);
    params.push(...types, limit);
    const rows = this.statementFor(prefixes.length, types.length).all(...params) as EventRow[];
    return { rows, scannedUpTo: rows.length < limit ? head : rows[rows.length - 1]!.position };
  }

  /**
   * A live subscription reads the few events appended since its last page, after every append. One
   * probe of events_by_type per listed type plus a sort (a saga's filter lists every type) costs
   * several times the walk of those few positions, so near the head the whole range is read by
   * position and filtered here (a prefix match is the same on code points and on UTF-16 units).
   */
  private nearHeadPage(
    after: Position,
    head: Position,
    limit: number,
    prefixes: readonly string[],
    types: readonly string[],
  ): { rows: EventRow[]; scannedUpTo: Position } {
    const typeSet = types.length > 0 ? new Set(types) : undefined;
    const rows: EventRow[] = [];
    for (const row of this.range.all(after, head) as EventRow[]) {
      if (typeSet && !typeSet.has(row.type)) continue;
      if (prefixes.length > 0 && !prefixes.some((prefix) => row.stream_id.startsWith(prefix))) continue;
      rows.push(row);
      if (rows.length === limit) return { rows, scannedUpTo: row.position };
    }
    return { rows, scannedUpTo: head };
  }

  private statementFor(prefixCount: number, typeCount: number): Database.Statement {
    const key = `${prefixCount}:${typeCount}`;
    let statement = this.filtered.get(key);
    if (!statement) {
      const where = ['position > ?', 'position <= ?'];
      if (prefixCount > 0) where.push(`(${Array(prefixCount).fill('substr(stream_id, 1, ?) = ?').join(' OR ')})`);
      if (typeCount > 0) where.push(`type IN (${Array(typeCount).fill('?').join(', ')})`);
      statement = this.db
        .prepare(`SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`)
        .safeIntegers();
      this.filtered.set(key, statement);
    }
    return statement;
  }
}
