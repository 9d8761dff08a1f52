import { canonicalJson } from '@domain/shared/canonical-json';
import type { ChainHead, SignedCheckpoint } from '../audit/checkpoint';
import type { ExportFormat, ExportSelection, UnmaskGrant } from './export-events';

/** Signs what leaves the service (the service's Ed25519 key, `ServiceSigningKey` of @libs/auth). */
export interface ExportSigner {
  /** `ed25519:<16 hex>`, named in the manifest so a rotated key is told apart from a forgery. */
  readonly keyId: string;
  /** Detached signature of the text's UTF-8 bytes, base64. */
  sign(text: string): string;
}

/** An export in clear: the recorded disclosure and the grant it was made under. */
export interface ExportDisclosure {
  /** Event id of the `PersonalDataDisclosed` recorded in `audit-disclosures` before the first row. */
  readonly eventId: string;
  readonly grant: UnmaskGrant;
}

/**
 * What a receiver needs to check an export offline (ADR 25). Every field is covered by the signature.
 */
export interface ExportManifest {
  readonly version: 1;
  /** As requested; masked like the rows when the export is masked (a Person's stream id holds an IIN). */
  readonly selection: ExportSelection;
  readonly format: ExportFormat;
  readonly masked: boolean;
  /** Null when masked. */
  readonly disclosure: ExportDisclosure | null;
  /** How many rows. */
  readonly count: number;
  /** Global positions of the first and last row (decimal strings); null without rows. */
  readonly firstPosition: string | null;
  readonly lastPosition: string | null;
  /** The last row's chainHash; '' without rows. */
  readonly exportHead: string;
  /** The store's chain head as the latest checkpoint had it when the export began; null without one. */
  readonly storeHead: ChainHead | null;
  /** That checkpoint, exactly as signed, so the receiver checks its signature too. */
  readonly checkpoint: SignedCheckpoint | null;
  /** ISO-8601 instant of the service clock when the export began. */
  readonly exportedAt: string;
  readonly exportedBy: { readonly id: string; readonly role: string };
  readonly keyId: string;
}

export interface SignedExportManifest extends ExportManifest {
  /** Base64 Ed25519 signature over `manifestSigningText` (every other field). */
  readonly signature: string;
}

/** The exact text a manifest's signature covers: the canonical JSON of every field but the signature. */
export function manifestSigningText(manifest: ExportManifest | SignedExportManifest): string {
  const { signature: _ignored, ...signed } = manifest as SignedExportManifest;
  return canonicalJson(signed);
}

export function signManifest(manifest: ExportManifest, signer: ExportSigner): SignedExportManifest {
  return { ...manifest, signature: signer.sign(manifestSigningText(manifest)) };
}

/** JSON Lines carry the manifest in band, as their last line: `{"manifest":{…}}`. */
export function manifestLine(manifest: SignedExportManifest): string {
  return JSON.stringify({ manifest });
}

/** The chain head a checkpoint vouches for. */
export function chainHeadOf(checkpoint: SignedCheckpoint | undefined): ChainHead | null {
  return checkpoint
    ? { position: checkpoint.position, events: checkpoint.events, headHash: checkpoint.headHash }
    : null;
}
