import { EventFilter } from './event-store';

export function matchesFilter(filter: EventFilter | undefined, streamId: string, type: string): boolean {
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => streamId.startsWith(prefix))) return false;
  if (eventTypes && !eventTypes.includes(type)) return false;
  return true;
}
