/**
 * Counted reads of the double: a stream, forwards or backwards from a revision; `$all`, forwards from
 * a position (inclusive) or backwards from one (the records that END at or before it: the server
 * compares post-positions going backwards, AllReader.ReadAllEventsBackwardInternal). `$all` hides
 * what DefaultAllFilter hides (event-filter.ts) — `$epoch-information` among others — and shows every
 * other system event.
 */
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { visibleInAll } from './event-filter';
import type { InMemoryLog, LoggedEvent } from './log';
import { at, compareTFPos } from './tf-pos';
import { positionOf, streamNameOf } from './wire';

export function* readStream(
  log: InMemoryLog,
  options: ReadReq.Options.StreamOptions,
  backwards: boolean,
): Generator<LoggedEvent | 'stream_not_found'> {
  const events = log.stream(streamNameOf(options.getStreamIdentifier()));
  if (!events || events.length === 0) {
    yield 'stream_not_found';
    return;
  }
  const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
  const last = events.length - 1;
  const revision = options.getRevisionOptionCase() === Case.REVISION ? BigInt(options.getRevision()) : undefined;
  if (backwards) {
    const from =
      options.getRevisionOptionCase() === Case.START
        ? 0
        : revision === undefined || revision > BigInt(last)
          ? last
          : Number(revision);
    for (let i = from; i >= 0; i--) yield events[i]!;
  } else {
    const from =
      options.getRevisionOptionCase() === Case.END
        ? events.length
        : revision === undefined
          ? 0
          : revision > BigInt(last)
            ? events.length
            : Number(revision);
    for (let i = from; i < events.length; i++) yield events[i]!;
  }
}

export function* readAll(
  log: InMemoryLog,
  options: ReadReq.Options.AllOptions | undefined,
  backwards: boolean,
): Generator<LoggedEvent> {
  const events = log.events;
  const from = options?.hasPosition() ? positionOf(options.getPosition()!) : undefined;
  if (backwards) {
    if (options?.hasStart()) return;
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      if (!visibleInAll(event)) continue;
      if (from === undefined || compareTFPos(at(event.postPosition), from) <= 0) yield event;
    }
  } else {
    if (options?.hasEnd()) return;
    for (const event of events) {
      if (!visibleInAll(event)) continue;
      if (from === undefined || compareTFPos(at(event.position), from) >= 0) yield event;
    }
  }
}
