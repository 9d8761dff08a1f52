import { AppendSignal } from './append-signal';
import { EventFilter, Subscription } from './event-store';
import { Position, RecordedEvent } from './recorded-event';

export interface Page {
  readonly events: readonly RecordedEvent[];
  /** Every position up to this one has been looked at, matching the filter or not. */
  readonly scannedUpTo: Position | null;
}

export interface PageSource {
  /**
   * Up to `limit` events after `after` (null: from the start) that match the filter. A page of
   * fewer than `limit` events has scanned up to the head as it was when the page was read.
   */
  readPage(after: Position | null, limit: number, filter: EventFilter | undefined): Page | Promise<Page>;
  headPosition(): Position | null | Promise<Position | null>;
}

export interface CatchUpOptions {
  readonly source: PageSource;
  readonly signal: AppendSignal;
  readonly fromPosition: Position | 'start' | 'end';
  readonly filter?: EventFilter;
  readonly onCheckpoint?: (position: Position) => void;
  readonly pageSize?: number;
  /**
   * Another process may append to the same file without our signal: poll at this interval while
   * idle. Undefined for stores no other process can write (in-memory).
   */
  readonly pollIntervalMs?: number;
}

/**
 * Catch-up then live, in one loop: always read "after the last position scanned", so the hand-over
 * from history to live events can neither skip nor repeat one. Pull-based: at most one page is held.
 */
export function catchUpSubscription(options: CatchUpOptions): Subscription {
  const { source, signal, filter, pollIntervalMs } = options;
  const pageSize = options.pageSize ?? 256;
  // 'end' is fixed when subscribing, not at the first pull, so nothing appended in between is missed.
  const start =
    options.fromPosition === 'start'
      ? null
      : options.fromPosition === 'end'
        ? source.headPosition()
        : options.fromPosition;
  let after: Position | null | undefined = start instanceof Promise ? undefined : start;
  let reported: Position | null = null;
  let buffer: readonly RecordedEvent[] = [];
  let index = 0;
  /**
   * The signal's version before a short page was read: that page reached the head, so once it is
   * consumed there is nothing to read until an append (or a poll, for other processes) says so.
   */
  let drainedAt: number | undefined;
  let closed = false;
  let wakeOnClose: (() => void) | undefined;

  async function waitForAppend(seenVersion: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const pending = signal.changedSince(seenVersion);
    const waits: Promise<void>[] = [pending.changed, new Promise<void>((resolve) => (wakeOnClose = resolve))];
    if (pollIntervalMs !== undefined) {
      waits.push(new Promise<void>((resolve) => (timer = setTimeout(resolve, pollIntervalMs).unref())));
    }
    await Promise.race(waits);
    pending.cancel();
    if (timer) clearTimeout(timer);
    wakeOnClose = undefined;
  }

  /** Every event up to `after` that passes the filter has been pulled: say so (once per position). */
  function reportCheckpoint(): void {
    if (after === null || after === undefined || after === reported) return;
    reported = after;
    options.onCheckpoint?.(after);
  }

  async function next(): Promise<IteratorResult<RecordedEvent>> {
    while (!closed) {
      if (index < buffer.length) return { done: false, value: buffer[index++]! };
      if (after === undefined) after = await start;
      // The consumer pulls again only when done with the previous event, so the page is handled.
      reportCheckpoint();
      if (drainedAt !== undefined) {
        // Live: rather than read an empty page after every page, wait for the next append (at once
        // if one committed meanwhile — appends in this process signal as they commit).
        const since = drainedAt;
        drainedAt = undefined;
        await waitForAppend(since);
        continue;
      }
      const seenVersion = signal.current;
      const page = await source.readPage(after, pageSize, filter);
      buffer = page.events;
      index = 0;
      if (page.scannedUpTo !== null) after = page.scannedUpTo;
      if (buffer.length === 0) {
        reportCheckpoint();
        await waitForAppend(seenVersion);
      } else if (buffer.length < pageSize) {
        drainedAt = seenVersion;
      }
    }
    return { done: true, value: undefined };
  }

  async function close(): Promise<void> {
    closed = true;
    buffer = [];
    wakeOnClose?.();
  }

  return {
    close,
    [Symbol.asyncIterator]() {
      return {
        next,
        return: async () => {
          await close();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
