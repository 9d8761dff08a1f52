import { EventTypeRegistry } from '../registry';
import { EventStore, NO_STREAM_REVISION, Position, RecordedEvent } from '../store';
import { Decider, DomainEvent } from './decider';

export interface LoadedAggregate<State> {
  readonly state: State;
  /** Last revision folded, -1 when the stream does not exist. */
  readonly revision: number;
  /** The events an earlier run of this command id stored, if any (then the command is a no-op). */
  readonly handled: readonly RecordedEvent[];
}

/**
 * Folds a stream into its decider's state, upcasting each stored event to its current schema.
 * With a cache, the fold starts from the state kept for the stream and reads only the events
 * appended since (see AggregateCache): a long stream — a region's quota takes one event per
 * application — costs one new event per command instead of its whole history. The state must then
 * be treated as immutable, as deciders do.
 */
export async function loadAggregate<Command, Event extends DomainEvent, State>(
  store: EventStore,
  registry: EventTypeRegistry,
  streamId: string,
  decider: Decider<Command, Event, State>,
  commandId?: string,
  cache?: AggregateCache,
): Promise<LoadedAggregate<State>> {
  const cached = cache?.get(streamId, decider, registry);
  let state = cached ? (cached.state as State) : decider.initialState();
  let revision = cached ? cached.revision : NO_STREAM_REVISION;
  // Taken before any await: revisions this command wrote up to the cached fold.
  const earlier =
    commandId !== undefined && cached ? cached.commands.get(commandId)?.filter((r) => r <= cached.revision) : undefined;
  const handled: RecordedEvent[] = [];
  if (earlier && earlier.length > 0) {
    const from = Math.min(...earlier);
    const maxCount = Math.max(...earlier) - from + 1;
    for await (const stored of store.readStream(streamId, { fromRevision: from, maxCount })) {
      if (stored.metadata.commandId === commandId) handled.push(registry.upcast(stored));
    }
  }
  const read: Array<{ revision: number; commandId: string | undefined }> = [];
  for await (const stored of store.readStream(streamId, cached ? { fromRevision: cached.revision + 1 } : undefined)) {
    const event = registry.upcast(stored);
    state = decider.evolve(state, { type: event.type, data: event.data } as Event);
    revision = event.revision;
    if (commandId !== undefined && event.metadata.commandId === commandId) handled.push(event);
    if (cache) read.push({ revision: event.revision, commandId: event.metadata.commandId });
  }
  if (cache && revision !== NO_STREAM_REVISION) {
    cache.remember(streamId, cached, { decider, registry, state, revision }, read);
  }
  return { state, revision, handled };
}

export function lastPosition(events: readonly RecordedEvent[]): Position | null {
  return events.length === 0 ? null : events[events.length - 1]!.position;
}

/**
 * The state a stream folded to at a revision, kept so that the next load reads only the events
 * appended since. A stream is append-only and its stored events never change, so a fold up to
 * revision r stays true forever: whoever appended after r (this process, another one, another
 * instance) is read from r + 1 on. Only stored events are ever folded in (never what a command
 * decided), so a cached state is exactly what a full load would give.
 *
 * `commands` indexes the revisions each command id wrote, so a retried command is still recognised
 * as handled (and answered with its stored events) without reading the stream from its start.
 */
export interface CachedFold {
  readonly decider: Decider<never, DomainEvent, unknown>;
  readonly registry: EventTypeRegistry;
  readonly state: unknown;
  readonly revision: number;
  /** commandId → revisions it wrote, for revisions up to `indexedUpTo`. Append-only. */
  readonly commands: Map<string, number[]>;
  indexedUpTo: number;
}

/** Streams kept by default: the most recently loaded ones. */
export const DEFAULT_CACHED_STREAMS = 20_000;

/** Folded aggregates of one store, least recently used dropped first. */
export class AggregateCache {
  private readonly entries = new Map<string, CachedFold>();

  constructor(readonly maxStreams = DEFAULT_CACHED_STREAMS) {}

  get size(): number {
    return this.entries.size;
  }

  /** The fold of `streamId` by this decider and registry, if one is kept (a fold by another decider is not). */
  get<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    registry: EventTypeRegistry,
  ): CachedFold | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.decider !== (decider as unknown) || entry.registry !== registry) return undefined;
    // Least recently used goes first: re-insert on use.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry;
  }

  /**
   * Keeps a newer fold. Loads of one stream may overlap (both awaiting the store), so a fold that
   * is not ahead of the kept one is ignored, and the command index only ever grows forwards.
   */
  remember(
    streamId: string,
    previous: CachedFold | undefined,
    fold: {
      decider: Decider<never, DomainEvent, unknown>;
      registry: EventTypeRegistry;
      state: unknown;
      revision: number;
    },
    read: ReadonlyArray<{ readonly revision: number; readonly commandId: string | undefined }>,
  ): void {
    let entry = this.entries.get(streamId);
    if (entry && (entry.decider !== fold.decider || entry.registry !== fold.registry)) entry = undefined;
    if (entry && entry !== previous && entry.revision >= fold.revision) return;
    const commands = entry?.commands ?? new Map<string, number[]>();
    let indexedUpTo = entry?.indexedUpTo ?? -1;
    for (const { revision, commandId } of read) {
      if (revision <= indexedUpTo) continue;
      if (commandId !== undefined) {
        const revisions = commands.get(commandId);
        if (revisions) revisions.push(revision);
        else commands.set(commandId, [revision]);
      }
      indexedUpTo = revision;
    }
    if (entry && entry.revision >= fold.revision) {
      entry.indexedUpTo = indexedUpTo;
      return;
    }
    this.entries.delete(streamId);
    this.entries.set(streamId, { ...fold, commands, indexedUpTo });
    while (this.entries.size > this.maxStreams) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}

const shared = new WeakMap<EventStore, AggregateCache>();

/** The one cache of a store instance, shared by every command handler and lookup on it. */
export function aggregateCacheOf(store: EventStore): AggregateCache {
  let cache = shared.get(store);
  if (!cache) shared.set(store, (cache = new AggregateCache()));
  return cache;
}
