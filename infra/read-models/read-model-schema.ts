import type Database from 'better-sqlite3';
import { quoteIdentifier } from './read-model-support';

/**
 * Read models are derived data, so a change of their tables is migrated by rebuilding them, never by
 * ALTER TABLE: each read model declares the version of its schema, recorded in `read_model_schemas`
 * beside the checkpoints; when the file holds another version (or tables from before versions were
 * recorded), its tables are dropped, its checkpoint is forgotten, and its projection replays the
 * store from the start on the next run. A query never reads a table of the wrong shape.
 */
export interface ReadModelSchema {
  /** The read model's name, which is also its projection's checkpoint (consumer) name. */
  readonly name: string;
  readonly version: number;
  /** The tables it owns. */
  readonly tables: readonly string[];
  /** Creates its tables and indexes (`IF NOT EXISTS`: called on every start). */
  readonly create: (db: Database.Database) => void;
}

const VERSIONS_TABLE = `CREATE TABLE IF NOT EXISTS read_model_schemas (
  read_model TEXT PRIMARY KEY,
  version    INTEGER NOT NULL
) STRICT`;

export type SchemaOutcome = 'current' | 'created' | 'migrated';

/** Brings a read model's tables to its declared version; says whether they had to be rebuilt. */
export function ensureReadModelSchema(db: Database.Database, schema: ReadModelSchema): SchemaOutcome {
  db.exec(VERSIONS_TABLE);
  const stored = db.prepare('SELECT version FROM read_model_schemas WHERE read_model = ?').get(schema.name) as
    { version: number } | undefined;
  if (stored?.version === schema.version) {
    schema.create(db);
    return 'current';
  }
  const existing = schema.tables.filter((table) => tableExists(db, table));
  const outcome: SchemaOutcome = stored === undefined && existing.length === 0 ? 'created' : 'migrated';
  db.transaction(() => {
    for (const table of existing) db.exec(`DROP TABLE ${quoteIdentifier(table)}`);
    if (outcome === 'migrated' && tableExists(db, 'checkpoints'))
      db.prepare('DELETE FROM checkpoints WHERE consumer = ?').run(schema.name);
    schema.create(db);
    db.prepare(
      `INSERT INTO read_model_schemas (read_model, version) VALUES (?, ?)
       ON CONFLICT (read_model) DO UPDATE SET version = excluded.version`,
    ).run(schema.name, schema.version);
  })();
  return outcome;
}

function tableExists(db: Database.Database, table: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}
