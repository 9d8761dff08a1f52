import { pause } from './crash-client';
import type { Journey } from './journeys';

/** Polls `condition` (in-process state) every few milliseconds, failing with `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs: number, everyMs = 5): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(everyMs);
  }
}

/** Runs each client's journeys one after the other, the clients side by side. */
export function runClients(journeys: readonly Journey[], step: (journey: Journey) => Promise<void>): Promise<void> {
  const clients = [...new Set(journeys.map((journey) => journey.plan.client))];
  return Promise.all(
    clients.map(async (clientIndex) => {
      for (const journey of journeys.filter((j) => j.plan.client === clientIndex)) await step(journey);
    }),
  ).then(() => undefined);
}
