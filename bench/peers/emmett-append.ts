/**
 * Emmett's SQLite event store (@event-driven-io/emmett-sqlite, on the `sqlite3` driver) behind the
 * append workload's interface. Lives under bench/peers: only `npm run bench` installs Emmett, so the
 * root tsconfig (and CI) never compile this file; bench/tsconfig.json type-checks it.
 *
 * Two subjects:
 * - `openEmmett`: the public API, `getSQLiteEventStore({ fileName }).appendToStream(...)`. For a file
 *   it opens a new `sqlite3.Database` for every call (`PRAGMA journal_mode = WAL`, BEGIN IMMEDIATE,
 *   UPDATE … RETURNING on emt_streams — or INSERT for a new stream —, one multi-row INSERT …
 *   RETURNING into emt_messages, COMMIT) and closes it afterwards. It takes no connection settings:
 *   `synchronous` is whatever the sqlite3 build defaults to in WAL mode (read back by `settings()`).
 * - `openEmmettOneConnection`: the same `appendToStream` of the package, called with one connection
 *   kept open for the whole run and `PRAGMA synchronous` set explicitly: Emmett's SQL without the
 *   connection churn of its public API — the most favourable reading of Emmett.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NewEvent } from '@libs/event-sourcing';
import {
  appendToStream,
  createEventStoreSchema,
  getSQLiteEventStore,
  sqliteConnection,
  type SQLiteConnection,
} from '@event-driven-io/emmett-sqlite';
import type { AppendSubject, OpenSubject, Synchronous } from '../support/append-subject';

/** Emmett counts events (1-based stream version, 0n for no stream); ours is the last 0-based revision. */
const emmettVersion = (expectedRevision: number): bigint => BigInt(expectedRevision + 1);

/** Our event as an Emmett event: same data, same metadata, our event id as Emmett's messageId. */
function toEmmett(event: NewEvent): { type: string; data: Record<string, unknown>; metadata: Record<string, unknown> } {
  return {
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { ...event.metadata, messageId: event.eventId },
  };
}

/** What a connection opened the way Emmett opens its own runs with. */
async function readSettings(connection: SQLiteConnection): Promise<Record<string, unknown>> {
  const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
  const synchronous = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  const busy = await connection.querySingle<{ timeout: number }>('PRAGMA busy_timeout');
  const version = await connection.querySingle<{ v: string }>('SELECT sqlite_version() AS v');
  return {
    journal_mode: journal?.journal_mode,
    synchronous: SYNCHRONOUS_NAMES[synchronous?.synchronous ?? -1] ?? synchronous?.synchronous,
    busy_timeout: busy?.timeout,
    sqlite: version?.v,
  };
}

const SYNCHRONOUS_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/**
 * Emmett 0.38.5 on sqlite3 5.1.7 now and then fails a COMMIT with `SQLITE_BUSY: cannot commit
 * transaction - SQL statements in progress` (about 1 in 2,000 10-event appends here, with no other
 * connection on the file): node-sqlite3's `db.get`/`db.all` call back before the statement they
 * prepared is finalized, and Emmett issues COMMIT on the same connection without waiting for that.
 * Emmett rolls back and rethrows; a caller would retry, so the subject does, inside the timing, and
 * counts it. Anything else (a conflict included) is rethrown.
 */
function retryingBusy(append: AppendSubject['append']): { append: AppendSubject['append']; retries: () => number } {
  let retries = 0;
  return {
    retries: () => retries,
    async append(streamId, events, expectedRevision) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await append(streamId, events, expectedRevision);
        } catch (error) {
          const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
          if (!busy || attempt === 3) throw error;
          retries += 1;
        }
      }
    },
  };
}

export const openEmmett: OpenSubject = async (filename: string, synchronous: Synchronous): Promise<AppendSubject> => {
  if (synchronous !== 'FULL')
    throw new Error(`getSQLiteEventStore takes no connection settings: it cannot run at synchronous=${synchronous}`);
  const store = getSQLiteEventStore({ fileName: filename, schema: { autoMigration: 'CreateOrUpdate' } });
  return {
    ...retryingBusy(async (streamId, events, expectedRevision) => {
      await store.appendToStream(streamId, events.map(toEmmett), {
        expectedStreamVersion: emmettVersion(expectedRevision),
      });
    }),
    async settings() {
      // A connection opened by Emmett's own code, as every appendToStream call opens one.
      const probe = sqliteConnection({ fileName: filename });
      try {
        return {
          ...(await readSettings(probe)),
          connection: 'a new sqlite3.Database per appendToStream call, closed after it',
        };
      } finally {
        probe.close();
      }
    },
    async close() {
      // Nothing stays open between calls.
    },
  };
};

export const openEmmettOneConnection: OpenSubject = async (
  filename: string,
  synchronous: Synchronous,
): Promise<AppendSubject> => {
  const connection = sqliteConnection({ fileName: filename });
  await connection.command(`PRAGMA synchronous = ${synchronous}`);
  await createEventStoreSchema(connection);
  return {
    ...retryingBusy(async (streamId, events, expectedRevision) => {
      const result = await appendToStream(connection, streamId, streamId.split('-')[0]!, events.map(toEmmett), {
        expectedStreamVersion: emmettVersion(expectedRevision),
      });
      if (!result.success) throw new Error(`emmett: ${streamId} is not at version ${emmettVersion(expectedRevision)}`);
    }),
    async settings() {
      return { ...(await readSettings(connection)), connection: 'one sqlite3.Database for the whole run' };
    },
    async close() {
      connection.close();
    },
  };
};

/** Versions of what runs underneath, read from the installed packages. */
export function emmettVersions(): Record<string, string> {
  // Read from the files: Emmett's `exports` does not expose ./package.json to require().
  const version = (name: string) =>
    (
      JSON.parse(readFileSync(join(__dirname, '..', 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  return {
    '@event-driven-io/emmett-sqlite': version('@event-driven-io/emmett-sqlite'),
    '@event-driven-io/emmett': version('@event-driven-io/emmett'),
    sqlite3: version('sqlite3'),
  };
}
