import Database from 'better-sqlite3';
import { chainHashOf, rowContent, streamHashOf } from '@infra/event-store/sqlite/event-hash';
import type { EventRow } from '@infra/event-store/sqlite/sqlite-statements';

export type BrokenLinkKind = 'content' | 'stream-link' | 'chain-link' | 'missing-hash';

/**
 * The first event whose stored hashes do not follow from what lies before it.
 * - content:      the event's stream_hash does not match its own fields (data, metadata, ids, …) hashed
 *                 onto the previous event of its stream — the row was edited.
 * - stream-link:  the event does not follow the previous event of its stream (a revision is missing or
 *                 out of order — a row was deleted or moved); expected/actual are revisions.
 * - chain-link:   the event's chain_hash does not follow the previous event in global order (a row was
 *                 deleted, or the event's stream_hash was rewritten to hide an edit).
 * - missing-hash: stream_hash or chain_hash is NULL.
 */
export interface BrokenLink {
  readonly position: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly kind: BrokenLinkKind;
  readonly expected: string;
  readonly actual: string;
}

export type VerificationResult =
  | { readonly ok: true; readonly events: number; readonly lastChainHash: string | null }
  | { readonly ok: false; readonly eventsChecked: number; readonly firstBrokenLink: BrokenLink };

/** Called after every page with the number of events verified so far. */
export type VerificationProgress = (eventsChecked: number) => void;

const PAGE = 2000;

interface HashedRow extends EventRow {
  readonly stream_hash: string | null;
  readonly chain_hash: string | null;
}

/**
 * Recomputes every event's stream and chain hash in position order and names the first broken link.
 * Given a filename, it opens its own read-only connection (and closes it); given a connection, it
 * reads through it. Rows are paged by position, never all loaded; it keeps, per stream, the last
 * revision and stored stream hash seen. Pages are separated by a macrotask so a server stays responsive.
 *
 * What it cannot see: events cut off the END of the log, or a rewrite that recomputes every hash from
 * the edit to the end. Anchor `lastChainHash` outside the store (a log, a signed receipt) to catch those.
 */
export async function verifySqliteEventStore(
  source: string | Database.Database,
  onProgress?: VerificationProgress,
): Promise<VerificationResult> {
  const db = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : source;
  try {
    return await verify(db, onProgress);
  } finally {
    if (typeof source === 'string') db.close();
  }
}

async function verify(
  db: Database.Database,
  onProgress: VerificationProgress | undefined,
): Promise<VerificationResult> {
  const columns = (db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map((column) => column.name);
  if (!columns.includes('stream_hash') || !columns.includes('chain_hash')) {
    throw new Error(
      'verifySqliteEventStore: the events table has no hash columns; open the store once with this build to migrate it',
    );
  }
  const page = db
    .prepare(
      `SELECT position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, stream_hash, chain_hash
       FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    )
    .safeIntegers();
  const streams = new Map<string, { revision: number; streamHash: string }>();
  let chain: string | null = null;
  let checked = 0;
  let after = 0n;
  for (;;) {
    const rows = page.all(after, PAGE) as HashedRow[];
    for (const row of rows) {
      const broken = check(row, streams, chain ?? '');
      if (broken) return { ok: false, eventsChecked: checked, firstBrokenLink: broken };
      streams.set(row.stream_id, { revision: Number(row.revision), streamHash: row.stream_hash! });
      chain = row.chain_hash!;
      checked++;
    }
    onProgress?.(checked);
    if (rows.length < PAGE) return { ok: true, events: checked, lastChainHash: chain };
    after = rows[rows.length - 1]!.position;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function check(
  row: HashedRow,
  streams: Map<string, { revision: number; streamHash: string }>,
  previousChain: string,
): BrokenLink | undefined {
  const revision = Number(row.revision);
  const at = (kind: BrokenLinkKind, expected: string, actual: string): BrokenLink => ({
    position: row.position.toString(10),
    eventId: row.event_id,
    streamId: row.stream_id,
    revision,
    kind,
    expected,
    actual,
  });
  if (row.stream_hash === null || row.chain_hash === null) {
    return at(
      'missing-hash',
      'stream_hash and chain_hash',
      `stream_hash=${row.stream_hash ?? 'NULL'}, chain_hash=${row.chain_hash ?? 'NULL'}`,
    );
  }
  const previous = streams.get(row.stream_id);
  const expectedRevision = previous ? previous.revision + 1 : 0;
  if (revision !== expectedRevision) return at('stream-link', `revision ${expectedRevision}`, `revision ${revision}`);
  // The chain is checked before the content: a row whose stream_hash was rewritten to match edited
  // content is reported where its link to the previous event breaks.
  const chainHash = chainHashOf(previousChain, row.stream_hash);
  if (chainHash !== row.chain_hash) return at('chain-link', chainHash, row.chain_hash);
  let content: string;
  try {
    content = rowContent(row);
  } catch (error) {
    return at('content', row.stream_hash, `unparseable row: ${(error as Error).message}`);
  }
  const streamHash = streamHashOf(previous?.streamHash ?? '', content);
  if (streamHash !== row.stream_hash) return at('content', streamHash, row.stream_hash);
  return undefined;
}
