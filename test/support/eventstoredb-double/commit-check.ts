/**
 * Whether an append may be written, is a repeat of one already written, or is a wrong expected
 * version — the server's rules, from IndexWriter.CheckCommit (EventStore v25.0.0,
 * src/EventStore.Core/Services/Storage/ReaderIndex/IndexWriter.cs) and what the storage writer makes
 * of its decisions (StorageWriterService.ActOnCommitCheckFailure: a partly repeated batch,
 * `CorruptedIdempotency`, is answered as a wrong expected version).
 *
 * - An exact revision E (`no_stream` is E = -1) BEHIND the stream: a repeat when the batch's ids are,
 *   in order, the events at E+1, E+2, … — checked against the stream itself, so GUARANTEED. The first
 *   id not there: a wrong expected version; a later one: the same (corrupted idempotency).
 * - `any` / `stream_exists`: a repeat only when EVERY id is in the cache of recently committed events
 *   (committed-events-cache.ts), in this stream; wherever they are, not necessarily contiguous. The
 *   first id missing from the cache: written again (a duplicate); a later one: a wrong expected
 *   version. BEST EFFORT: the cache is bounded and starts empty at every start.
 * - E equal to the stream's last revision: written, even if the ids are already in the stream.
 * - Deleted and soft-deleted streams, and `IdempotentNotReady` (a repeat not yet replicated in a
 *   cluster, dropped without an answer) are not modelled: the double has neither deletes nor a cluster.
 */
import type { CommittedEventsCache } from './committed-events-cache';
import type { ExpectedRevision } from './log';

export type CommitDecision =
  | { readonly kind: 'ok' }
  | { readonly kind: 'wrong_expected_version' }
  /** Already written: the original write's first and last event numbers. */
  | { readonly kind: 'idempotent'; readonly first: bigint; readonly last: bigint };

export interface StreamState {
  readonly name: string;
  /** Event ids by revision. */
  readonly ids: readonly string[];
}

const OK: CommitDecision = { kind: 'ok' };
const WRONG: CommitDecision = { kind: 'wrong_expected_version' };

export function checkCommit(
  stream: StreamState,
  expected: ExpectedRevision,
  eventIds: readonly string[],
  cache: CommittedEventsCache,
): CommitDecision {
  const current = BigInt(stream.ids.length - 1);
  // A stream never written to takes the server's fast path (CheckCommitForNewStream): only `any` and
  // `no_stream` pass. (Its slow path also accepts `stream_exists` for a stream with only metadata,
  // reached on a false positive of the stream-existence filter: not modelled.)
  if (expected.kind === 'stream_exists' && current < 0n) return WRONG;
  if (expected.kind === 'any' || expected.kind === 'stream_exists') return fromCache(stream.name, eventIds, cache);

  const revision = expected.kind === 'no_stream' ? -1n : expected.revision;
  if (revision > current) return WRONG;
  if (revision === current) return OK;
  let eventNumber = revision;
  for (const id of eventIds) {
    eventNumber += 1n;
    const cached = cache.get(id);
    if (cached?.streamName === stream.name && cached.eventNumber === eventNumber) continue;
    if (stream.ids[Number(eventNumber)] === id) continue;
    return WRONG; // first id: a conflict; a later one: corrupted idempotency, answered the same
  }
  if (eventNumber === revision) return WRONG; // nothing in the batch
  return { kind: 'idempotent', first: revision + 1n, last: eventNumber };
}

function fromCache(streamName: string, eventIds: readonly string[], cache: CommittedEventsCache): CommitDecision {
  let first: bigint | undefined;
  let last: bigint | undefined;
  for (const id of eventIds) {
    const cached = cache.get(id);
    if (cached === undefined || cached.streamName !== streamName) return first === undefined ? OK : WRONG;
    first ??= cached.eventNumber;
    last = cached.eventNumber;
  }
  if (first === undefined || last === undefined) return OK;
  return { kind: 'idempotent', first, last };
}
