import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { APPLICATIONS_TABLES } from './applications.projection';
import { QUOTA_USAGE_TABLES } from './quota-usage.projection';
import { SUBSIDY_TOTALS_TABLES } from './subsidy-totals.projection';
import { PAYMENT_REGISTER_TABLES } from './payment-register.projection';
import { quoteIdentifier } from './read-model-support';

/** The tables each projection owns, by projection name (its checkpoint's consumer name). */
export const READ_MODEL_TABLES = {
  applications: APPLICATIONS_TABLES,
  'quota-usage': QUOTA_USAGE_TABLES,
  'subsidy-totals': SUBSIDY_TOTALS_TABLES,
  'pending-deadlines': ['pending_deadlines'],
  'notice-deliveries': ['notice_deliveries'],
  'payment-register': PAYMENT_REGISTER_TABLES,
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

/** A secondary index as the schema declares it (`CREATE INDEX …`), to build again after a bulk load. */
export interface IndexDefinition {
  readonly name: string;
  readonly sql: string;
}

/**
 * Drops the secondary indexes declared on these tables (not the ones SQLite keeps for their primary
 * keys and UNIQUE constraints) and returns their definitions for `createIndexes`: loading rows into
 * a table and then building its indexes once is faster than keeping them up to date row by row.
 */
export function dropSecondaryIndexes(db: Database.Database, tables: readonly string[]): IndexDefinition[] {
  if (tables.length === 0) return [];
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`,
    )
    .all(...tables) as IndexDefinition[];
  db.transaction(() => {
    for (const index of indexes) db.exec(`DROP INDEX ${quoteIdentifier(index.name)}`);
  })();
  return indexes;
}

/** Creates indexes from their definitions (what `dropSecondaryIndexes` returned), in one transaction. */
export function createIndexes(db: Database.Database, indexes: readonly IndexDefinition[]): void {
  db.transaction(() => {
    for (const index of indexes) db.exec(index.sql);
  })();
}

interface Column {
  name: string;
  pk: number;
}

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
  const rows = db
    .prepare(`SELECT * FROM ${quoteIdentifier(table)} ORDER BY ${order}`)
    .raw()
    .safeIntegers()
    .iterate() as IterableIterator<unknown[]>;
  for (const row of rows) hash.update(`\n${JSON.stringify(row.map(tagged))}`);
  return hash.digest('hex');
}

function tagged(value: unknown): unknown {
  if (value === null) return null;
  if (typeof value === 'bigint') return ['i', value.toString()];
  if (typeof value === 'number') return ['r', value];
  if (typeof value === 'string') return ['t', value];
  if (Buffer.isBuffer(value)) return ['b', value.toString('hex')];
  throw new Error(`tableDigest: unexpected SQLite value of type ${typeof value}`);
}
