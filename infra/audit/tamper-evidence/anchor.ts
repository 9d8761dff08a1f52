import { keyIdOf, verifyDetached } from '@libs/auth';
import { checkpointSigningText, type SignedCheckpoint } from '@libs/workflow';

/**
 * A head the store must still have: a signed checkpoint (from the service's log, or a file an auditor
 * brings) checked with a public key, or a bare `position:hash` an auditor noted (`--expect-head`).
 */
export type Anchor =
  | {
      readonly source: 'checkpoint-log' | 'checkpoint-file';
      readonly checkpoint: SignedCheckpoint;
      readonly publicKeyPem: string;
    }
  | { readonly source: 'expected-head'; readonly position: string; readonly headHash: string };

export type AnchorStatus =
  /** No checkpoint yet: truncation and re-hashing cannot be told from a shorter store (a warning, not a finding). */
  'none' | 'matches' | 'bad-signature' | 'other-store' | 'position-missing' | 'head-mismatch' | 'count-mismatch';

export interface AnchorReport {
  readonly source: Anchor['source'] | 'none';
  readonly status: AnchorStatus;
  readonly position?: string;
  readonly headHash?: string;
  readonly events?: number;
  readonly signedAt?: string;
  readonly keyId?: string;
  /** One sentence: what was compared and what was found. */
  readonly detail: string;
}

/** What the verifier saw at the anchor's position while it scanned the store. */
export interface AnchorObservation {
  /** The chain hash at that position (stored, checked against its link); undefined when no event sits there. */
  readonly chainHash?: string;
  /** Events counted up to and including that position. */
  readonly eventsUpTo?: number;
  /** The store's last position, null when empty. */
  readonly lastPosition: string | null;
}

/** Where a verifier looks for the anchor's head: the position, or undefined for no anchor. */
export function anchorPosition(anchor: Anchor | undefined): string | undefined {
  if (!anchor) return undefined;
  return anchor.source === 'expected-head' ? anchor.position : anchor.checkpoint.position;
}

/** Judges the store against the anchor: the signature first, then that the head at its position is the one signed. */
export function judgeAnchor(anchor: Anchor | undefined, store: string, seen: AnchorObservation): AnchorReport {
  if (!anchor)
    return {
      source: 'none',
      status: 'none',
      detail:
        'no checkpoint to compare with: events cut off the end, or every hash recomputed, cannot be detected (ADR 24)',
    };
  const head =
    anchor.source === 'expected-head'
      ? { position: anchor.position, headHash: anchor.headHash }
      : {
          position: anchor.checkpoint.position,
          headHash: anchor.checkpoint.headHash,
          events: anchor.checkpoint.events,
          signedAt: anchor.checkpoint.signedAt,
          keyId: anchor.checkpoint.keyId,
        };
  const report = (status: AnchorStatus, detail: string): AnchorReport => ({
    source: anchor.source,
    status,
    ...head,
    detail,
  });
  if (anchor.source !== 'expected-head') {
    const { checkpoint, publicKeyPem } = anchor;
    const keyId = keyIdOf(publicKeyPem);
    if (checkpoint.keyId !== keyId)
      return report('bad-signature', `the checkpoint names key ${checkpoint.keyId}; the public key given is ${keyId}`);
    if (!verifyDetached(publicKeyPem, checkpointSigningText(checkpoint), checkpoint.signature))
      return report('bad-signature', 'the signature does not match the checkpoint: it was altered or forged');
    if (checkpoint.store !== store)
      return report('other-store', `the checkpoint anchors a ${checkpoint.store} store; this one is ${store}`);
  }
  if (seen.chainHash === undefined) {
    const end = seen.lastPosition === null ? 'the store is empty' : `the store ends at position ${seen.lastPosition}`;
    const shorter = seen.lastPosition !== null && BigInt(seen.lastPosition) < BigInt(head.position);
    // A store cut short and then written again (the service records every read, ADR 26) goes on
    // past the anchored position without it: the anchored event itself was deleted.
    return report(
      'position-missing',
      `no event at the anchored position ${head.position}: ${end}${shorter ? ' (truncated)' : ' (the anchored event was deleted)'}`,
    );
  }
  if (seen.chainHash !== head.headHash)
    return report(
      'head-mismatch',
      `chain hash at position ${head.position} is ${seen.chainHash}, the anchor says ${head.headHash}: the history up to it was rewritten`,
    );
  if ('events' in head && head.events !== undefined && seen.eventsUpTo !== head.events)
    return report(
      'count-mismatch',
      `${seen.eventsUpTo} events up to position ${head.position}; the checkpoint counted ${head.events}`,
    );
  return report('matches', `the store still holds the anchored head at position ${head.position}`);
}
