import { maskPersonalId } from '@libs/workflow';
import type { AnchorReport } from './anchor';

export type BrokenLinkKind = 'content' | 'stream-link' | 'chain-link' | 'missing-hash';

/**
 * An event whose stored hashes do not follow from what lies before it.
 * - content:      the event's stream_hash does not match its own fields (data, metadata, ids, …) hashed
 *                 onto the previous event of its stream — the row was edited.
 * - stream-link:  the event does not follow the previous event of its stream (a revision out of order,
 *                 with no missing position to explain it — a row was moved or renumbered); expected/actual are revisions.
 * - chain-link:   the event's chain_hash does not follow the previous event in global order (its
 *                 stream_hash was rewritten to hide an edit, or a chain hash was recomputed).
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

/** Revisions of one stream that are missing where a gap lies. */
export interface GapStream {
  readonly streamId: string;
  /** `4`, or `3..5`. */
  readonly revisions: string;
}

/**
 * Positions missing from the store (SQLite positions are contiguous: ADR 24): deleted events. Each
 * stream found later with revisions missing inside the gap is named; an event whose stream has no
 * later event leaves no trace of its stream.
 */
export interface Gap {
  readonly fromPosition: string;
  readonly toPosition: string;
  readonly missing: number;
  readonly streams: GapStream[];
}

/** Everything a verification found; the lists are capped, the totals are not. */
export interface VerificationReport {
  readonly ok: boolean;
  readonly store: string;
  /** Events read. */
  readonly events: number;
  readonly lastPosition: string | null;
  /** The chain hash (digest, on EventStoreDB) of the last event; null when the store is empty. */
  readonly lastChainHash: string | null;
  readonly brokenLinks: BrokenLink[];
  readonly brokenLinksTotal: number;
  readonly gaps: Gap[];
  readonly gapsTotal: number;
  readonly anchor: AnchorReport;
}

/** How many broken links and gaps a report lists (the totals count every one): an answer stays bounded. */
export const LISTED_FINDINGS = 1000;

/** Broken links and gaps as the scan finds them, listed up to the cap. */
export class Findings {
  readonly brokenLinks: BrokenLink[] = [];
  brokenLinksTotal = 0;
  readonly gaps: Gap[] = [];
  gapsTotal = 0;

  constructor(private readonly cap = LISTED_FINDINGS) {}

  broken(link: BrokenLink): void {
    this.brokenLinksTotal++;
    if (this.brokenLinks.length < this.cap) this.brokenLinks.push(link);
  }

  gap(from: bigint, to: bigint): void {
    this.gapsTotal++;
    if (this.gaps.length < this.cap)
      this.gaps.push({ fromPosition: `${from}`, toPosition: `${to}`, missing: Number(to - from + 1n), streams: [] });
  }

  /**
   * A stream whose revisions are missing between two of its events (EventStoreDB: positions are log
   * offsets there, so the gap is told by revisions, between the positions of the events around it).
   */
  gapInStream(streamId: string, revisions: string, after: bigint | undefined, before: bigint): void {
    this.gapsTotal++;
    const [from, to = from] = revisions.split('..').map(Number) as [number, number?];
    if (this.gaps.length < this.cap)
      this.gaps.push({
        fromPosition: `${after === undefined ? 0n : after + 1n}`,
        toPosition: `${before - 1n}`,
        missing: to - from + 1,
        streams: [{ streamId, revisions }],
      });
  }

  /**
   * Names a stream whose revisions are missing between two of its events at positions `after` and
   * `before` in the listed gaps that lie between them; false when no gap does (then the revision
   * jump is a broken stream link, not a deletion).
   */
  attribute(streamId: string, revisions: string, after: bigint, before: bigint): boolean {
    let found = false;
    for (let index = this.gaps.length - 1; index >= 0; index--) {
      const gap = this.gaps[index]!;
      if (BigInt(gap.toPosition) <= after) break;
      if (BigInt(gap.fromPosition) < before) {
        gap.streams.push({ streamId, revisions });
        found = true;
      }
    }
    return found;
  }

  ok(anchor: AnchorReport): boolean {
    return (
      this.brokenLinksTotal === 0 && this.gapsTotal === 0 && (anchor.status === 'matches' || anchor.status === 'none')
    );
  }
}

export function revisionRange(from: number, to: number): string {
  return from === to ? `${from}` : `${from}..${to}`;
}

/**
 * The report as the audit views show it: a Person's stream is named by an IIN (ADR 16), masked here
 * as everywhere an auditor reads; positions and hashes are left as they are (a 12-digit position is
 * not an IIN, so the report is not masked wholesale).
 */
export function withStreamIdsMasked(report: VerificationReport): VerificationReport {
  return {
    ...report,
    brokenLinks: report.brokenLinks.map((link) => ({ ...link, streamId: maskPersonalId(link.streamId) })),
    gaps: report.gaps.map((gap) => ({
      ...gap,
      streams: gap.streams.map((stream) => ({ ...stream, streamId: maskPersonalId(stream.streamId) })),
    })),
  };
}
