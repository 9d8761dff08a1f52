import Database from 'better-sqlite3';
import { chainHashOf, rowContent, streamHashOf } from '@infra/event-store/sqlite/event-hash';
import type { EventRow } from '@infra/event-store/sqlite/sqlite-statements';
import { type Anchor, anchorPosition, judgeAnchor } from './anchor';
import { type BrokenLinkKind, Findings, revisionRange, type VerificationReport } from './verification-report';

export type { BrokenLink, BrokenLinkKind, Gap, VerificationReport } from './verification-report';

/** Called after every page with the number of events verified so far. */
export type VerificationProgress = (eventsChecked: number) => void;

export interface SqliteVerificationOptions {
  /** The head the store must still hold (ADR 24): the latest checkpoint, or one an auditor brings. */
  readonly anchor?: Anchor;
  readonly onProgress?: VerificationProgress;
}

const PAGE = 2000;

interface HashedRow extends EventRow {
  readonly stream_hash: string | null;
  readonly chain_hash: string | null;
}

interface StreamState {
  readonly revision: number;
  readonly streamHash: string;
  readonly position: bigint;
}

/**
 * Recomputes every event's stream and chain hash in position order and lists every broken link
 * (with its stream) and every missing position (a gap, with the streams whose revisions it took),
 * then checks the head against the anchor. After a break it carries on from the stored hashes, so
 * one edit is reported once, where it is. Positions are contiguous (AUTOINCREMENT, rolled-back
 * appends give theirs back — tested), so a missing one is a deleted event; `sqlite_sequence` keeps
 * the highest position ever given, so a cut tail shows as a gap unless it was reset too — which the
 * anchor catches. Given a filename it opens its own read-only connection (and closes it); rows are
 * paged by position, never all loaded, and pages are separated by a macrotask so a server stays responsive.
 */
export async function verifySqliteEventStore(
  source: string | Database.Database,
  options: SqliteVerificationOptions | VerificationProgress = {},
): Promise<VerificationReport> {
  const { anchor, onProgress } = typeof options === 'function' ? { onProgress: options, anchor: undefined } : options;
  const db = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : source;
  try {
    return await verify(db, anchor, onProgress);
  } finally {
    if (typeof source === 'string') db.close();
  }
}

async function verify(
  db: Database.Database,
  anchor: Anchor | undefined,
  onProgress: VerificationProgress | undefined,
): Promise<VerificationReport> {
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
  const scan = new Scan(anchorPosition(anchor));
  let after = 0n;
  for (;;) {
    const rows = page.all(after, PAGE) as HashedRow[];
    for (const row of rows) scan.check(row);
    onProgress?.(scan.events);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.position;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  scan.tail(highestPositionGiven(db));
  const anchorReport = judgeAnchor(anchor, 'sqlite', {
    ...scan.atAnchor,
    lastPosition: scan.lastPosition === null ? null : `${scan.lastPosition}`,
  });
  const { findings } = scan;
  return {
    ok: findings.ok(anchorReport),
    store: 'sqlite',
    events: scan.events,
    lastPosition: scan.lastPosition === null ? null : `${scan.lastPosition}`,
    lastChainHash: scan.chain,
    brokenLinks: findings.brokenLinks,
    brokenLinksTotal: findings.brokenLinksTotal,
    gaps: findings.gaps,
    gapsTotal: findings.gapsTotal,
    anchor: anchorReport,
  };
}

/** `sqlite_sequence`'s value for events: the highest position AUTOINCREMENT ever handed out. */
function highestPositionGiven(db: Database.Database): bigint | null {
  const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").safeIntegers().get() as
    { seq: bigint } | undefined;
  return row ? row.seq : null;
}

/** The state of one pass over the rows in position order. */
class Scan {
  readonly findings = new Findings();
  readonly streams = new Map<string, StreamState>();
  chain: string | null = null;
  events = 0;
  lastPosition: bigint | null = null;
  atAnchor: { chainHash?: string; eventsUpTo?: number } = {};
  private readonly anchorAt: bigint | undefined;

  constructor(anchorPosition: string | undefined) {
    this.anchorAt = anchorPosition === undefined ? undefined : BigInt(anchorPosition);
  }

  check(row: HashedRow): void {
    const position = row.position;
    const expectedPosition = (this.lastPosition ?? 0n) + 1n;
    const afterGap = position > expectedPosition;
    if (afterGap) this.findings.gap(expectedPosition, position - 1n);
    const previous = this.streams.get(row.stream_id);
    const content = contentOf(row);
    const recomputed = typeof content === 'string' ? streamHashOf(previous?.streamHash ?? '', content) : undefined;
    this.judge(row, previous, afterGap, content, recomputed);
    // Carry on from what is stored, so the next event is judged on its own link.
    const streamHash = row.stream_hash ?? recomputed ?? '';
    this.streams.set(row.stream_id, { revision: Number(row.revision), streamHash, position });
    this.chain = row.chain_hash ?? chainHashOf(this.chain ?? '', streamHash);
    this.events++;
    this.lastPosition = position;
    if (position === this.anchorAt) this.atAnchor = { chainHash: row.chain_hash ?? undefined, eventsUpTo: this.events };
  }

  /** Reports what does not hold of one row: its hashes present, its stream link, its chain link, its content. */
  private judge(
    row: HashedRow,
    previous: StreamState | undefined,
    afterGap: boolean,
    content: string | Error,
    recomputed: string | undefined,
  ): void {
    const broken = (kind: BrokenLinkKind, expected: string, actual: string) =>
      this.findings.broken({
        position: `${row.position}`,
        eventId: row.event_id,
        streamId: row.stream_id,
        revision: Number(row.revision),
        kind,
        expected,
        actual,
      });
    if (row.stream_hash === null || row.chain_hash === null)
      return broken(
        'missing-hash',
        'stream_hash and chain_hash',
        `stream_hash=${row.stream_hash ?? 'NULL'}, chain_hash=${row.chain_hash ?? 'NULL'}`,
      );
    const linked = this.streamLink(row, previous, broken);
    // The chain is checked before the content: a row whose stream_hash was rewritten to match edited
    // content is reported where its link to the previous event breaks. A deleted event takes the
    // global link of the event after it: the gap says so, not a second finding.
    const chainHash = chainHashOf(this.chain ?? '', row.stream_hash);
    if (chainHash !== row.chain_hash && !afterGap) return broken('chain-link', chainHash, row.chain_hash);
    // After a missing revision the previous stream hash is gone: the content cannot be recomputed, the gap is the finding.
    if (!linked) return;
    if (typeof content !== 'string') broken('content', row.stream_hash, `unparseable row: ${content.message}`);
    else if (recomputed !== row.stream_hash) broken('content', recomputed!, row.stream_hash);
  }

  /** Tail: positions handed out after the last row that is still there. */
  tail(highestGiven: bigint | null): void {
    if (highestGiven !== null && highestGiven > (this.lastPosition ?? 0n))
      this.findings.gap((this.lastPosition ?? 0n) + 1n, highestGiven);
  }

  /** True when the event follows its stream's previous one (so its content can be recomputed). */
  private streamLink(
    row: HashedRow,
    previous: StreamState | undefined,
    broken: (kind: BrokenLinkKind, expected: string, actual: string) => void,
  ): boolean {
    const revision = Number(row.revision);
    const expected = previous ? previous.revision + 1 : 0;
    if (revision === expected) return true;
    const explained =
      revision > expected &&
      this.findings.attribute(
        row.stream_id,
        revisionRange(expected, revision - 1),
        previous?.position ?? 0n,
        row.position,
      );
    if (!explained) broken('stream-link', `revision ${expected}`, `revision ${revision}`);
    return false;
  }
}

function contentOf(row: HashedRow): string | Error {
  try {
    return rowContent(row);
  } catch (error) {
    return error as Error;
  }
}
