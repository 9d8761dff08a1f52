/**
 * An unfiltered subscription to `$all`, or a subscription to one stream: confirmation, catch-up,
 * `caught_up` (as servers ≥ 23.10), then live events as they are appended — one cursor over the log,
 * so no gap and no duplicate at the hand-over, and no checkpoints (the server sends those to filtered
 * subscriptions only). `$all` hides what DefaultAllFilter hides. Starting after a position or
 * revision is exclusive; after a position past the head, events at or before it are skipped even
 * when they arrive live; from the end is live only.
 */
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { visibleInAll } from './event-filter';
import type { InMemoryLog, LoggedEvent } from './log';
import type { SubscriptionCall } from './subscription-call';
import { at, compareTFPos } from './tf-pos';
import { caughtUpResp, eventResp, positionOf, streamNameOf } from './wire';

interface Cursor {
  /** Index in the log of the next event to look at. */
  next: number;
  /** What the subscription delivers. */
  readonly wanted: (event: LoggedEvent) => boolean;
}

export function subscriptionCursor(log: InMemoryLog, options: ReadReq.Options): Cursor {
  const streamOptions = options.getStream();
  if (streamOptions) {
    const name = streamNameOf(streamOptions.getStreamIdentifier());
    const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
    const revisionCase = streamOptions.getRevisionOptionCase();
    const after = revisionCase === Case.REVISION ? BigInt(streamOptions.getRevision()) : undefined;
    return {
      next: revisionCase === Case.END ? log.events.length : 0,
      wanted: (event) => event.streamName === name && (after === undefined || event.revision > after),
    };
  }
  const all = options.getAll();
  if (all?.hasPosition()) {
    const from = positionOf(all.getPosition()!);
    // Exclusive; a position past the head skips live events up to it as well.
    const after = (event: LoggedEvent): boolean => compareTFPos(at(event.position), from) > 0;
    const next = log.events.findIndex(after);
    return { next: next < 0 ? log.events.length : next, wanted: (event) => after(event) && visibleInAll(event) };
  }
  return { next: all?.hasEnd() ? log.events.length : 0, wanted: visibleInAll };
}

export async function runCatchUpSubscription(log: InMemoryLog, cursor: Cursor, call: SubscriptionCall): Promise<void> {
  await call.confirm();
  let caughtUp = false;
  while (!call.closed) {
    while (cursor.next < log.events.length && !call.closed) {
      const event = log.events[cursor.next++]!;
      if (cursor.wanted(event)) await call.write(eventResp(event));
    }
    if (!caughtUp) {
      caughtUp = true;
      await call.write(caughtUpResp());
      continue; // appends may have come while writing
    }
    await call.nextAppend();
  }
}
