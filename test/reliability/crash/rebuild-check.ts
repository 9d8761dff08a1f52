import Database from 'better-sqlite3';
import { join } from 'node:path';
import { EventTypeRegistry } from '@libs/event-sourcing';
import { DISCLOSURE_EVENT_TYPES, WORKFLOW_EVENT_TYPES } from '@libs/workflow';
import { rebuildReadModels } from '@apps/composition-root';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { READ_MODEL_TABLES, SqliteCheckpointStore, tableDigest } from '@infra/read-models';
import { openSqlite } from '@infra/sqlite/connection';

export const READ_MODEL_TABLE_NAMES: readonly string[] = Object.values(READ_MODEL_TABLES).flat();

export interface RebuildComparison {
  /** Digest of each read-model table as the live service left it. */
  readonly live: Record<string, string>;
  /** Digest of each table rebuilt from the events into a fresh file. */
  readonly rebuilt: Record<string, string>;
  readonly events: number;
  readonly seconds: number;
}

/** The live read models' digests, table by table (read-only connection). */
export function liveDigests(readModelsFile: string): Record<string, string> {
  const db = new Database(readModelsFile, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(READ_MODEL_TABLE_NAMES.map((table) => [table, tableDigest(db, table)]));
  } finally {
    db.close();
  }
}

/**
 * What `kandas rebuild` does (rebuildReadModels: projections only, no saga), into a fresh
 * read-models file, from a consistent copy of the event store taken with SQLite's backup (the
 * store itself is only read); then the live digests beside the rebuilt ones.
 */
export async function rebuildAndCompare(
  eventsFile: string,
  readModelsFile: string,
  scratchDir: string,
): Promise<RebuildComparison> {
  const copy = join(scratchDir, 'events-copy.sqlite');
  const source = new Database(eventsFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(copy);
  } finally {
    source.close();
  }
  const store = SqliteEventStore.open({ filename: copy, synchronous: 'NORMAL' });
  const fresh = openSqlite({ filename: join(scratchDir, 'rebuilt-read-models.sqlite'), synchronous: 'NORMAL' });
  try {
    const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES).registerAll(DISCLOSURE_EVENT_TYPES);
    const result = await rebuildReadModels({
      store,
      registry,
      db: fresh,
      checkpoints: new SqliteCheckpointStore(fresh),
    });
    const rebuilt = Object.fromEntries(
      READ_MODEL_TABLE_NAMES.map((table) => [table, result.digests[table] ?? tableDigest(fresh, table)]),
    );
    return { live: liveDigests(readModelsFile), rebuilt, events: result.events, seconds: result.seconds };
  } finally {
    fresh.close();
    await store.close();
  }
}
