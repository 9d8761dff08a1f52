/**
 * The in-memory log behind {@link EventStoreDbWireDouble}: one ordered list of events ("$all"), an
 * index per stream, and the append rules of a real EventStoreDB node (commit-check.ts: expected
 * revision, idempotent re-append). Positions grow by a record size like log byte offsets; commit =
 * prepare for every event (a modern server writes every append as an implicit transaction of
 * committed prepares).
 */
import { checkCommit } from './commit-check';
import { CommittedEventsCache } from './committed-events-cache';

export type ExpectedRevision =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

export interface ProposedEvent {
  /** Lower-case UUID string. */
  readonly id: string;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export interface LoggedEvent extends ProposedEvent {
  readonly streamName: string;
  readonly revision: bigint;
  /** Commit and prepare position (equal, as for a modern server's implicit transactions). */
  readonly position: bigint;
  /** Where the next record starts: what a backwards read of `$all` compares against. */
  readonly postPosition: bigint;
  /** 100-ns ticks since the Unix epoch, as the server puts in the `created` metadata entry. */
  readonly created: bigint;
}

export type AppendOutcome =
  | { readonly kind: 'success'; readonly currentRevision: bigint | 'no_stream'; readonly position: bigint | undefined }
  | {
      readonly kind: 'wrong_expected_version';
      readonly current: bigint | 'no_stream';
      readonly expected: ExpectedRevision;
    };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Event ids must be GUIDs (a real server rejects anything else); they are kept lower-case. */
export function normaliseEventId(id: string): string | undefined {
  const lower = id.toLowerCase();
  return UUID.test(lower) ? lower : undefined;
}

export class InMemoryLog {
  readonly events: LoggedEvent[] = [];
  private readonly streams = new Map<string, LoggedEvent[]>();
  private readonly listeners = new Set<() => void>();
  private readonly committed: CommittedEventsCache;
  private nextPosition: bigint;

  constructor(firstPosition: bigint, committedEventsCacheBytes?: number) {
    this.nextPosition = firstPosition;
    this.committed = new CommittedEventsCache(committedEventsCacheBytes);
  }

  stream(name: string): readonly LoggedEvent[] | undefined {
    return this.streams.get(name);
  }

  /** The last event's position: what the server calls the last indexed position; undefined while empty. */
  get lastPosition(): bigint | undefined {
    return this.events[this.events.length - 1]?.position;
  }

  /** Where the next record starts. */
  get nextRecordPosition(): bigint {
    return this.nextPosition;
  }

  /** A record that is no event (an epoch record): it takes room in the log, nothing reads it. */
  writeSystemRecord(size: bigint): void {
    this.nextPosition += size;
  }

  /** Removes events from `$all` (see EventStoreDbWireDouble.scavengeFromAll); how many. */
  removeFromAll(taken: (event: LoggedEvent) => boolean): number {
    const before = this.events.length;
    const kept = this.events.filter((event) => !taken(event));
    this.events.splice(0, this.events.length, ...kept);
    return before - kept.length;
  }

  /** Called synchronously after every append that wrote events. */
  onAppended(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(streamName: string, expected: ExpectedRevision, proposed: readonly ProposedEvent[]): AppendOutcome {
    const existing = this.streams.get(streamName) ?? [];
    const current: bigint | 'no_stream' = existing.length === 0 ? 'no_stream' : BigInt(existing.length - 1);
    const ids = proposed.map((event) => event.id);
    const decision = checkCommit(
      { name: streamName, ids: existing.map((event) => event.id) },
      expected,
      ids,
      this.committed,
    );
    if (decision.kind === 'wrong_expected_version') return { kind: 'wrong_expected_version', current, expected };
    if (decision.kind === 'idempotent') {
      const last = existing[Number(decision.last)]!;
      return { kind: 'success', currentRevision: last.revision, position: last.position };
    }
    if (proposed.length === 0) {
      return { kind: 'success', currentRevision: current, position: existing[existing.length - 1]?.position };
    }
    return this.write(streamName, proposed);
  }

  private write(streamName: string, proposed: readonly ProposedEvent[]): AppendOutcome {
    const created = BigInt(Date.now()) * 10_000n;
    const stream = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, stream);
    let last: LoggedEvent | undefined;
    for (const event of proposed) {
      const position = this.nextPosition;
      this.nextPosition += recordSize(streamName, event);
      last = {
        ...event,
        streamName,
        revision: BigInt(stream.length),
        position,
        postPosition: this.nextPosition,
        created,
      };
      stream.push(last);
      this.events.push(last);
      this.committed.put(event.id, { streamName, eventNumber: last.revision });
    }
    for (const listener of [...this.listeners]) listener();
    return { kind: 'success', currentRevision: last!.revision, position: last!.position };
  }
}

/** A deterministic stand-in for a prepare record's size on disk: never 1, always > 100. */
function recordSize(streamName: string, event: ProposedEvent): bigint {
  const text = Buffer.byteLength(streamName) + Buffer.byteLength(event.type);
  return BigInt(100 + text + event.data.length + event.customMetadata.length);
}
