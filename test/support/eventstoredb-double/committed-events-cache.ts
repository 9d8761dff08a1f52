/**
 * The server's cache of recently committed event ids, the ONLY thing it consults to de-duplicate an
 * append with expected revision `any` or `stream_exists` (IndexWriter.CheckCommit). As the server
 * keeps it (EventStore v25.0.0, src/EventStore.Core/Services/Storage/ReaderIndex/BoundedCache.cs and
 * IndexWriter.cs): a FIFO bounded by an estimate of its memory, 8 MiB
 * (`ESConsts.CommitedEventsMemCacheLimit`), each entry costing 16 + 4 + 8 bytes plus the stream
 * name's string (`MemSizer.SizeOf`: 20 + 2 per UTF-16 unit + 1, rounded up to 8). An id written
 * again keeps its FIRST stream and number (`PutRecord(..., throwOnDuplicate: false)`). It starts
 * empty at every server start and leader change: what it forgets, `any` writes again.
 */
export const COMMITTED_EVENTS_CACHE_BYTES = 8 * 1024 * 1024;

export interface CommittedEvent {
  readonly streamName: string;
  readonly eventNumber: bigint;
}

export class CommittedEventsCache {
  private readonly entries = new Map<string, CommittedEvent>();
  private readonly queue: string[] = [];
  private currentSize = 0;

  constructor(private readonly maxBytes: number = COMMITTED_EVENTS_CACHE_BYTES) {}

  get(eventId: string): CommittedEvent | undefined {
    return this.entries.get(eventId);
  }

  put(eventId: string, event: CommittedEvent): void {
    while (this.queue.length > 0 && this.currentSize > this.maxBytes) this.remove(this.queue.shift()!);
    this.currentSize += entrySize(event);
    this.queue.push(eventId);
    if (!this.entries.has(eventId)) this.entries.set(eventId, event);
  }

  private remove(eventId: string): void {
    const old = this.entries.get(eventId);
    if (old === undefined) return;
    this.currentSize -= entrySize(old);
    this.entries.delete(eventId);
  }
}

function entrySize(event: CommittedEvent): number {
  const stringSize = Math.ceil((20 + event.streamName.length * 2 + 1) / 8) * 8;
  return 16 + 4 + 8 + stringSize;
}
