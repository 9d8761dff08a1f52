import { WrongExpectedRevisionError } from '@libs/event-sourcing';
import type { EventStore } from '@libs/event-sourcing';
import { E2eApp } from './e2e-app';

export interface HeldAppends {
  /** Appends to the stream that were held at the barrier, and how many of them the store refused on the revision. */
  readonly stats: { held: number; conflicts: number; timedOut: boolean };
  restore(): void;
}

/**
 * Makes a race certain instead of likely. One process serves requests one after the other between
 * awaits, and the embedded store answers at once, so "two requests at the same time" would rarely
 * overlap. This holds the first `parties` appends to a stream whose id starts with `streamPrefix` until all of them have arrived —
 * every racer has loaded and decided on the same revision — then lets them reach the store in
 * arrival order. Bounded: after `timeoutMs` the barrier opens anyway (`timedOut` says so).
 */
export function holdAppends(e: E2eApp, streamPrefix: string, parties: number, timeoutMs = 30_000): HeldAppends {
  const store = e.store as EventStore & { append: EventStore['append'] };
  const original = store.append;
  const waiting: Array<() => void> = [];
  const stats = { held: 0, conflicts: 0, timedOut: false };
  let timer: NodeJS.Timeout | undefined;
  const open = () => {
    clearTimeout(timer);
    for (const go of waiting.splice(0)) go();
  };
  store.append = async (id, events, options) => {
    if (id.startsWith(streamPrefix) && stats.held < parties) {
      stats.held++;
      await new Promise<void>((go) => {
        waiting.push(go);
        if (stats.held === parties) open();
        else timer ??= setTimeout(() => ((stats.timedOut = true), open()), timeoutMs);
      });
    }
    try {
      return await original.call(store, id, events, options);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) stats.conflicts++;
      throw error;
    }
  };
  return { stats, restore: () => void (store.append = original) };
}
