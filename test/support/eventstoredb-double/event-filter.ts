/**
 * Which events a read or subscription of `$all` returns, as the server decides it
 * (EventStore v25.0.0, src/EventStore.Core/Services/Storage/ReaderIndex/EventFilter.cs).
 *
 * Every read of `$all`, filtered or not, first applies `DefaultAllFilter`: an event of a stream not
 * starting with `$` passes; of the system streams, `$epoch-information` and the checkpoints and
 * parked messages of persistent subscriptions to `$all` do not; every other `$` stream does
 * (`$$…` metadata, `$users`, `$stats-…`, `$scavenges`, …). A client filter is then ONE of: stream-name
 * prefixes, stream-name regex, event-type prefixes, event-type regex (`ConvertToEventFilter` in
 * Streams.Read.cs: a non-empty regex wins over prefixes). No prefix matches nothing.
 */
import type { LoggedEvent } from './log';

export type EventPredicate = (event: Pick<LoggedEvent, 'streamName' | 'type'>) => boolean;

const HIDDEN_FROM_ALL_PREFIX = '$persistentsubscription-$all::';

/** `EventFilter.DefaultAllFilter`. */
export const visibleInAll: EventPredicate = ({ streamName }) => {
  if (!streamName.startsWith('$')) return true;
  if (streamName === '$epoch-information') return false;
  const persistentToAll =
    streamName.startsWith(HIDDEN_FROM_ALL_PREFIX) &&
    (streamName.endsWith('-checkpoint') || streamName.endsWith('-parked'));
  return !persistentToAll;
};

export interface FilterExpression {
  readonly on: 'stream' | 'type';
  readonly prefixes: readonly string[];
  /** A .NET regex; the ones clients send (`^[^$].*`, `^\$`, `^order-`) mean the same in JavaScript. */
  readonly regex: string;
}

/** The filter of a read of `$all`: DefaultAllFilter, then the client's expression. Throws on an invalid regex. */
export function allFilter(expression: FilterExpression): EventPredicate {
  const subject = (event: Pick<LoggedEvent, 'streamName' | 'type'>): string =>
    expression.on === 'stream' ? event.streamName : event.type;
  if (expression.regex !== '') {
    const regex = new RegExp(expression.regex);
    return (event) => visibleInAll(event) && regex.test(subject(event));
  }
  return (event) => visibleInAll(event) && expression.prefixes.some((prefix) => subject(event).startsWith(prefix));
}
