import type { EventFilter, Position, RecordedEvent } from '@libs/event-sourcing';

/** An event as written: the envelope, with data and metadata still the stored JSON text. */
export type WrittenEvent = Omit<RecordedEvent, 'data' | 'metadata'> & {
  readonly data: string;
  readonly metadata: string;
};

/** A fresh event for each reader (the contract lets a reader mutate what it is given). */
export function readerCopyOf(written: WrittenEvent): RecordedEvent {
  return {
    ...written,
    data: JSON.parse(written.data) as unknown,
    metadata: JSON.parse(written.metadata) as RecordedEvent['metadata'],
  };
}

/** Events held by default: a few seconds of a busy service, a few MB. */
export const DEFAULT_RECENT_EVENTS = 4096;

interface StreamTail {
  readonly events: WrittenEvent[];
  first: number;
}

/**
 * The events this connection committed last, exactly as a read returns them, so that the reads
 * that follow an append — every live subscription woken by it, and the next command's load of the
 * same stream — are answered from memory instead of SQLite (each of them read the same rows again,
 * docs/benchmarks.md). Each reader still gets its own parsed copy, as from SQLite.
 *
 * It is only ever used while it is provably complete: `coveredAfter` is a position such that every
 * event after it is held here. That holds while no other connection writes, which SQLite tells:
 * `PRAGMA data_version` changes when, and only when, another connection commits. A change seen at a
 * read or at a commit forgets everything (the events of the other writer are not here) until the
 * next commit of ours on an unchanged version starts again. Two processes on one file therefore
 * simply read from SQLite, as before.
 */
export class RecentEvents {
  private events: WrittenEvent[] = [];
  private first = 0;
  private readonly streams = new Map<string, StreamTail>();
  /** Every event after this position is held; null while nothing is known. */
  private coveredAfter: Position | null = null;
  private knownVersion: number;

  constructor(
    private readonly dataVersion: () => number,
    private readonly capacity = DEFAULT_RECENT_EVENTS,
  ) {
    this.knownVersion = dataVersion();
  }

  /** Our transaction committed these events (in position order), right now. */
  committed(events: readonly WrittenEvent[]): void {
    if (events.length === 0 || this.capacity === 0) return;
    if (!this.unchanged()) return;
    if (this.coveredAfter === null) this.coveredAfter = events[0]!.position - 1n;
    for (const event of events) {
      this.events.push(event);
      let tail = this.streams.get(event.streamId);
      if (!tail) this.streams.set(event.streamId, (tail = { events: [], first: 0 }));
      tail.events.push(event);
    }
    while (this.events.length - this.first > this.capacity) this.evictOldest();
  }

  /**
   * The page of `readAll` after `after` (up to the head), or undefined when it is not all here.
   * `scannedUpTo` as SqliteStatements.allPage gives it.
   */
  page(
    after: Position | null,
    limit: number,
    matches: (event: WrittenEvent) => boolean,
  ): { events: RecordedEvent[]; scannedUpTo: Position | null } | undefined {
    const from = after ?? 0n;
    if (this.coveredAfter === null || from < this.coveredAfter || !this.unchanged()) return undefined;
    const head = this.head();
    if (from >= head) return { events: [], scannedUpTo: after };
    const events: RecordedEvent[] = [];
    for (let index = this.indexAfter(from); index < this.events.length; index++) {
      const event = this.events[index]!;
      if (!matches(event)) continue;
      events.push(readerCopyOf(event));
      if (events.length === limit) return { events, scannedUpTo: event.position };
    }
    return { events, scannedUpTo: head };
  }

  /** The store's head, when every event up to it is known here. */
  headIfKnown(): Position | null | undefined {
    if (this.coveredAfter === null || !this.unchanged()) return undefined;
    return this.head();
  }

  /**
   * A stream's events from `fromRevision` on (at most `maxCount`), or undefined when they are not
   * all here: the stream must have an event here at or before that revision, so that none is missing.
   */
  streamFrom(streamId: string, fromRevision: number, maxCount: number): RecordedEvent[] | undefined {
    const tail = this.streams.get(streamId);
    if (!tail || this.coveredAfter === null) return undefined;
    const lowest = tail.events[tail.first]!.revision;
    if (fromRevision < lowest || !this.unchanged()) return undefined;
    const start = tail.first + (fromRevision - lowest);
    return tail.events.slice(start, Math.min(tail.events.length, start + maxCount)).map(readerCopyOf);
  }

  forget(): void {
    this.events = [];
    this.first = 0;
    this.streams.clear();
    this.coveredAfter = null;
  }

  private head(): Position {
    return this.events.length > this.first ? this.events[this.events.length - 1]!.position : this.coveredAfter!;
  }

  /** False (and everything forgotten) when another connection has committed since we last looked. */
  private unchanged(): boolean {
    const version = this.dataVersion();
    if (version === this.knownVersion) return true;
    this.knownVersion = version;
    this.forget();
    return false;
  }

  private indexAfter(position: Position): number {
    let low = this.first;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.events[middle]!.position <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private evictOldest(): void {
    const oldest = this.events[this.first++]!;
    this.coveredAfter = oldest.position;
    const tail = this.streams.get(oldest.streamId)!;
    tail.first += 1;
    if (tail.first === tail.events.length) this.streams.delete(oldest.streamId);
    else if (tail.first > 64 && tail.first * 2 > tail.events.length) {
      tail.events.splice(0, tail.first);
      tail.first = 0;
    }
    if (this.first > 1024 && this.first * 2 > this.events.length) {
      this.events.splice(0, this.first);
      this.first = 0;
    }
  }
}

/** What a filtered read lets through, in JavaScript (SqliteStatements does it in SQL). */
export function filterMatcher(filter: EventFilter | undefined): (event: WrittenEvent) => boolean {
  const types = filter?.eventTypes ?? [];
  const prefixes = filter?.streamPrefixes ?? [];
  const typeSet = types.length > 0 ? new Set(types) : undefined;
  return (event) =>
    (!typeSet || typeSet.has(event.type)) &&
    (prefixes.length === 0 || prefixes.some((prefix) => event.streamId.startsWith(prefix)));
}
