import type Database from 'better-sqlite3';
import { statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { StoreHealth } from '@libs/event-sourcing';
import { describeSqliteFault, isSqliteError } from './sqlite-faults';

export interface SqliteHealthOptions {
  /** Below this much free space on the file's disk the store says it cannot work (before SQLite fails mid-batch). */
  readonly minFreeBytes: number;
  /** How long the probe waits for the write lock: short, a readiness check must answer quickly. */
  readonly lockProbeMs?: number;
}

export const DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024;

/**
 * Can this SQLite file take a write now? Reads the schema (a corrupt or foreign file fails), takes
 * and releases the write lock (another process holding it fails) and measures the free space on
 * its disk. Writes nothing. Synchronous like better-sqlite3, so no transaction of ours is open.
 */
export function checkSqliteHealth(db: Database.Database, options: SqliteHealthOptions): StoreHealth {
  if (!db.open) return { ok: false, fault: 'closed', detail: `${db.name} is closed` };
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.pragma(`busy_timeout = ${options.lockProbeMs ?? 250}`);
    db.prepare('BEGIN IMMEDIATE').run();
    db.prepare('ROLLBACK').run();
  } catch (error) {
    if (db.inTransaction) db.prepare('ROLLBACK').run();
    if (!isSqliteError(error)) throw error;
    const { fault, explanation } = describeSqliteFault(error, db.name);
    return { ok: false, fault, detail: explanation };
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
  return freeSpace(db.name, options.minFreeBytes);
}

function freeSpace(file: string, minFreeBytes: number): StoreHealth {
  if (file === ':memory:' || file === '') return { ok: true };
  const disk = statfsSync(dirname(resolve(file)));
  const free = disk.bavail * disk.bsize;
  if (free >= minFreeBytes) return { ok: true };
  return {
    ok: false,
    fault: 'disk-full',
    detail: `only ${megabytes(free)} free on the disk holding ${file}, at least ${megabytes(minFreeBytes)} needed; free space`,
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
