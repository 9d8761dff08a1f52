import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { APPLICATIONS_TABLES } from './applications.projection';
import { QUOTA_USAGE_TABLES } from './quota-usage.projection';
import { SUBSIDY_TOTALS_TABLES } from './subsidy-totals.projection';
import { quoteIdentifier } from './read-model-support';

/** The tables each projection owns, by projection name (its checkpoint's consumer name). */
export const READ_MODEL_TABLES = {
  applications: APPLICATIONS_TABLES,
  'quota-usage': QUOTA_USAGE_TABLES,
  'subsidy-totals': SUBSIDY_TOTALS_TABLES,
  'pending-deadlines': ['pending_deadlines'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type ReadModelName = keyof typeof READ_MODEL_TABLES;

export function isReadModelName(name: string): name is ReadModelName {
  return Object.prototype.hasOwnProperty.call(READ_MODEL_TABLES, name);
}

/**
 * Drops a projection's tables (and so their indexes), in one transaction; returns their names.
 * A rebuild then resets the projection's checkpoint, constructs the projection again (which creates
 * the tables anew) and replays the events. Query objects built before keep working: SQLite
 * re-prepares their statements against the new tables.
 */
export function resetReadModel(db: Database.Database, projectionName: string): readonly string[] {
  if (!isReadModelName(projectionName)) throw new Error(`No read model named "${projectionName}"`);
  const tables = READ_MODEL_TABLES[projectionName];
  db.transaction(() => {
    for (const table of tables) db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
  })();
  return tables;
}

interface Column { name: string; pk: number }

/**
 * SHA-256 (hex) over a table's column names and rows, in primary-key order, every value tagged with
 * its SQLite type: two tables with the same digest hold the same data. Compares a rebuild with the
 * live tables.
 */
export function tableDigest(db: Database.Database, table: string): string {
  const columns = db.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(table) as Column[];
  if (columns.length === 0) throw new Error(`No table named "${table}"`);
  const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const order = (key.length > 0 ? key : columns).map((c) => quoteIdentifier(c.name)).join(', ');
  const hash = createHash('sha256').update(JSON.stringify(columns.map((c) => c.name)));
  const rows = db.prepare(`SELECT * FROM ${quoteIdentifier(table)} ORDER BY ${order}`).raw().safeIntegers().iterate() as IterableIterator<unknown[]>;
  for (const row of rows) hash.update(`\n${JSON.stringify(row.map(tagged))}`);
  return hash.digest('hex');
}

function tagged(value: unknown): unknown {
  if (value === null) return null;
  if (typeof value === 'bigint') return ['i', value.toString()];
  if (typeof value === 'number') return ['r', value];
  if (typeof value === 'string') return ['t', value];
  if (Buffer.isBuffer(value)) return ['b', value.toString('hex')];
  throw new Error(`tableDigest: unexpected SQLite value ${String(value)}`);
}
