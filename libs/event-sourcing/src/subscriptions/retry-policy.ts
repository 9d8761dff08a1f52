import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../store';

/** How a failing step is retried before it is parked. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  /** Delay before attempt `attempt + 1` (attempt counts from 1). */
  delayMs(attempt: number): number;
  /** A refusal by a rule (a coded domain error) is permanent: retrying cannot change the answer. */
  isRetryable(error: unknown): boolean;
  /**
   * The store is down (disk full, file locked, cluster unreachable), not the event poisoned: after
   * the retries the consumer stops at the event instead of parking it, and resumes there when the
   * store is back — parking would only move the same failure into the dead-letter list.
   */
  isOutage(error: unknown): boolean;
}

/** SQLite's result codes for a file it cannot use now; a constraint or misuse is a bug, parked like any other. */
const SQLITE_OUTAGE = /^SQLITE_(FULL|BUSY|LOCKED|IOERR|CORRUPT|NOTADB|READONLY|CANTOPEN)/;

/** Our stores' own unavailability, and the embedded read-model database's (its errors carry SQLITE_* codes). */
export function isStoreOutage(error: unknown): boolean {
  if (error instanceof EventStoreUnavailableError) return true;
  // By shape: the native addon's errors may come from another realm, where `instanceof Error` fails.
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && SQLITE_OUTAGE.test(code);
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  delayMs: (attempt) => Math.min(30_000, 200 * 2 ** (attempt - 1)),
  isOutage: isStoreOutage,
  isRetryable: (error) =>
    isStoreOutage(error) ||
    error instanceof WrongExpectedRevisionError ||
    !(error instanceof Error && typeof (error as { code?: unknown }).code === 'string'),
};

/** How the runner waits between attempts; tests inject one that records the delay and returns at once. */
export type Wait = (ms: number) => Promise<void>;

export const realWait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
