import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface SqliteConnectionOptions {
  readonly filename: string;
  /**
   * FULL (default) syncs the WAL on every commit: an acknowledged append survives a power cut.
   * NORMAL survives a process crash but may lose the last commits on power loss.
   */
  readonly synchronous?: SqliteSynchronous;
  readonly busyTimeoutMs?: number;
}

/** Opens a SQLite file with the settings every store and read model here relies on. */
export function openSqlite(options: SqliteConnectionOptions): Database.Database {
  if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
  const db = new Database(options.filename);
  // First, so that switching a new file to WAL waits for, rather than fails on, another process.
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  return db;
}
