import { eventContent, sha256hex } from '@infra/event-store/sqlite/event-hash';
import type { EventStore, RecordedEvent } from '@libs/event-sourcing';
import type { ChainHead, ChainHeadSource } from '@libs/workflow';
import { type Anchor, anchorPosition, judgeAnchor } from './anchor';
import { Findings, revisionRange, type VerificationReport } from './verification-report';

/**
 * The digest chain of a store that keeps no hashes of its own (EventStoreDB, ADR 24), computed over
 * the port's `readAll` — every event of ours in `$all` order, system events left out by the adapter —
 * over the same canonical content as the SQLite store's hashes (`eventContent`):
 *
 *   digest = sha256hex(<digest of the previous event, or '' for the first> + '\n' + content)
 *
 * `recordedAt` and `position` are the server's, so an event deleted and written again, or the log
 * scavenged and rebuilt, gives another digest from that event on.
 */
export function nextDigest(previous: string, event: RecordedEvent): string {
  const content = eventContent({
    ...event,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
  });
  return sha256hex(`${previous}\n${content}`);
}

/** How many heads reached are remembered, so the signer's check of its latest checkpoint needs no scan. */
const HEADS_REMEMBERED = 64;

/**
 * The head of the digest chain, for the checkpoint signer. The first call reads the whole log; later
 * calls go on from the head they last reached (one service signs: the chain is its own, in memory).
 * The heads reached lately are remembered: the signer asks for the digest at its latest checkpoint
 * before every signature, and that is one of them unless the service restarted since (then one scan).
 */
export class DigestChainHead implements ChainHeadSource {
  private reached: ChainHead | undefined;
  private readonly recent = new Map<string, string>();

  constructor(
    private readonly eventStore: EventStore,
    readonly store = 'eventstoredb',
  ) {}

  /** The digest at a position: a head reached lately, else recomputed from the start up to it. */
  async chainHashAt(position: string): Promise<string | undefined> {
    const remembered = this.recent.get(position);
    if (remembered !== undefined) return remembered;
    let digest = '';
    for await (const event of this.eventStore.readAll({ fromPosition: 'start' })) {
      if (event.position > BigInt(position)) return undefined;
      digest = nextDigest(digest, event);
      if (event.position === BigInt(position)) return digest;
    }
    return undefined;
  }

  async head(): Promise<ChainHead | undefined> {
    let { position, events, headHash } = this.reached ?? { position: undefined, events: 0, headHash: '' };
    const from = position === undefined ? 'start' : BigInt(position);
    for await (const event of this.eventStore.readAll({ fromPosition: from })) {
      if (position !== undefined && event.position <= BigInt(position)) continue;
      headHash = nextDigest(headHash, event);
      position = event.position.toString(10);
      events++;
    }
    if (position === undefined) return undefined;
    this.reached = { position, events, headHash };
    this.remember(position, headHash);
    return this.reached;
  }

  private remember(position: string, headHash: string): void {
    this.recent.set(position, headHash);
    if (this.recent.size > HEADS_REMEMBERED) this.recent.delete(this.recent.keys().next().value!);
  }
}

/**
 * Verifies a store through its digest chain: every stream must run from revision 0 without a missing
 * revision (a deleted or truncated stream, a `$tb`, a scavenged event shows as a gap in that stream),
 * and the digest at the anchor's position must be the one signed — which any change to an event
 * before it breaks. Nothing locates an edit more closely than "before the checkpoint" (ADR 24).
 */
export async function verifyDigestChain(
  eventStore: EventStore,
  options: { readonly anchor?: Anchor; readonly store?: string } = {},
): Promise<VerificationReport> {
  const store = options.store ?? 'eventstoredb';
  const anchorAt = anchorPosition(options.anchor);
  const findings = new Findings();
  const streams = new Map<string, { revision: number; position: bigint }>();
  let digest = '';
  let events = 0;
  let lastPosition: bigint | null = null;
  let atAnchor: { chainHash?: string; eventsUpTo?: number } = {};
  for await (const event of eventStore.readAll({ fromPosition: 'start' })) {
    const previous = streams.get(event.streamId);
    const expected = previous ? previous.revision + 1 : 0;
    if (event.revision > expected) {
      findings.gapInStream(
        event.streamId,
        revisionRange(expected, event.revision - 1),
        previous?.position,
        event.position,
      );
    } else if (event.revision < expected) {
      findings.broken({
        position: `${event.position}`,
        eventId: event.eventId,
        streamId: event.streamId,
        revision: event.revision,
        kind: 'stream-link',
        expected: `revision ${expected}`,
        actual: `revision ${event.revision}`,
      });
    }
    streams.set(event.streamId, { revision: event.revision, position: event.position });
    digest = nextDigest(digest, event);
    events++;
    lastPosition = event.position;
    if (anchorAt !== undefined && event.position.toString(10) === anchorAt)
      atAnchor = { chainHash: digest, eventsUpTo: events };
  }
  const anchor = judgeAnchor(options.anchor, store, {
    ...atAnchor,
    lastPosition: lastPosition === null ? null : `${lastPosition}`,
  });
  return {
    ok: findings.ok(anchor),
    store,
    events,
    lastPosition: lastPosition === null ? null : `${lastPosition}`,
    lastChainHash: events === 0 ? null : digest,
    brokenLinks: findings.brokenLinks,
    brokenLinksTotal: findings.brokenLinksTotal,
    gaps: findings.gaps,
    gapsTotal: findings.gapsTotal,
    anchor,
  };
}
