import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../store';

/** How a failing step is retried before it is parked. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  /** Delay before attempt `attempt + 1` (attempt counts from 1). */
  delayMs(attempt: number): number;
  /** A refusal by a rule (a coded domain error) is permanent: retrying cannot change the answer. */
  isRetryable(error: unknown): boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  delayMs: (attempt) => Math.min(30_000, 200 * 2 ** (attempt - 1)),
  isRetryable: (error) =>
    error instanceof EventStoreUnavailableError ||
    error instanceof WrongExpectedRevisionError ||
    !(error instanceof Error && typeof (error as { code?: unknown }).code === 'string'),
};

/** How the runner waits between attempts; tests inject one that records the delay and returns at once. */
export type Wait = (ms: number) => Promise<void>;

export const realWait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
