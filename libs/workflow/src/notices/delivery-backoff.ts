/**
 * When to try a failed notice again: exponential backoff with "equal jitter" (half the delay fixed,
 * half random), so the attempts of many notices failing together spread out instead of hitting the
 * portal at once when it comes back. `random` is injected (tests pass a seeded one).
 */
export interface DeliveryBackoff {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_DELIVERY_BACKOFF: DeliveryBackoff = { baseMs: 5_000, capMs: 60 * 60_000 };

/** The delay after failed attempt `attempt` (1 for the first). */
export function retryDelayMs(attempt: number, backoff: DeliveryBackoff, random: () => number): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
