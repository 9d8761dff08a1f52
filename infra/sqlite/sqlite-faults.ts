import type { StoreFault } from '@libs/event-sourcing';

export type SqliteError = Error & { code: string };

/** By shape, not `instanceof`: the native addon's errors may come from another realm (Jest's sandbox, workers). */
export function isSqliteError(error: unknown): error is SqliteError {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && code.startsWith('SQLITE_') && typeof message === 'string';
}

/**
 * What an operator reads when SQLite refuses: the fault in words, the file, and what to do. SQLite
 * rolls a failed transaction back whole, so every one of these leaves no half-written batch.
 * Result codes: https://www.sqlite.org/rescode.html
 */
export function describeSqliteFault(error: SqliteError, file: string): { fault: StoreFault; explanation: string } {
  const { code } = error;
  const fault = faultOf(code);
  const explanation = {
    'disk-full': `the disk holding ${file} is full; free space and retry`,
    locked: `${file} is locked by another process (a backup, an open sqlite3 shell?); retry when it lets go`,
    corrupt: `${file} is corrupted; stop the service, restore the file from a backup and check it with \`npm run cli -- verify\``,
    'read-only': `${file} cannot be written (read-only file, folder or mount)`,
    io: `the disk holding ${file} failed to read or write`,
    closed: `${file} is closed`,
    unreachable: `${file} cannot be used`,
  }[fault];
  return { fault, explanation: `${explanation} (${code}: ${error.message})` };
}

function faultOf(code: string): StoreFault {
  if (code === 'SQLITE_FULL') return 'disk-full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io';
  return 'unreachable';
}
