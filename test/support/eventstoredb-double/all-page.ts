/**
 * One page of a filtered forward read of `$all`, as the server's reader returns it to a filtered
 * subscription (EventStore v25.0.0, src/EventStore.Core/Services/Storage/ReaderIndex/AllReader.cs,
 * `ReadAllEventsForwardInternal`): from `pos` (inclusive), until `maxCount` events passed the filter
 * or `maxSearchWindow` events were considered; every event considered counts, the filtered-out and
 * the hidden (`$epoch-information`) alike. `currentPos` is where the page started, `nextPos` where
 * the next one starts — (record after the last one considered, 0), a position between records — and
 * `endOfStream` says the read ran out of log.
 */
import type { InMemoryLog, LoggedEvent } from './log';
import type { EventPredicate } from './event-filter';
import { at, compareTFPos, TFPos } from './tf-pos';

export interface AllPage {
  readonly events: readonly LoggedEvent[];
  readonly considered: number;
  readonly currentPos: TFPos;
  readonly nextPos: TFPos;
  readonly endOfStream: boolean;
}

export function readAllForwardPage(
  log: InMemoryLog,
  pos: TFPos,
  maxCount: number,
  maxSearchWindow: number,
  allowed: EventPredicate,
): AllPage {
  const events: LoggedEvent[] = [];
  let considered = 0;
  let nextPos = pos;
  let endOfStream = false;
  let index = log.events.findIndex((event) => compareTFPos(at(event.position), pos) >= 0);
  if (index < 0) index = log.events.length;
  while (events.length < maxCount && considered < maxSearchWindow) {
    const event = log.events[index++];
    if (event === undefined) {
      endOfStream = true;
      break;
    }
    considered += 1;
    if (allowed(event)) events.push(event);
    nextPos = { commit: event.postPosition, prepare: 0n };
  }
  return { events, considered, currentPos: pos, nextPos, endOfStream };
}
