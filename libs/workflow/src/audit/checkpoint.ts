import { canonicalJson } from '@domain/shared/canonical-json';

/**
 * The head of the store's hash chain at one position, as the service saw it: everything an auditor
 * needs to tell later whether the store still ends there with the same history (truncation and
 * re-hashing change the head; ADR 24).
 */
export interface ChainHead {
  /** Global position of the last event covered, as a decimal string (EventStoreDB positions exceed 2^53). */
  readonly position: string;
  /** How many events the chain covers up to and including that position. */
  readonly events: number;
  /** The chain hash at that event (hex SHA-256). */
  readonly headHash: string;
}

/** A chain head signed by the service's Ed25519 key and kept outside the event store. */
export interface SignedCheckpoint extends ChainHead {
  readonly version: 1;
  /** Which adapter's chain it is: 'sqlite' or 'eventstoredb'. */
  readonly store: string;
  /** ISO-8601 instant of the service clock when it was signed. */
  readonly signedAt: string;
  /** Why it was signed: 'interval', 'on-demand', 'shutdown'. */
  readonly trigger: string;
  /** The signing key's id (`ed25519:<16 hex>`). */
  readonly keyId: string;
  /** Base64 Ed25519 signature over `checkpointSigningText` of every other field. */
  readonly signature: string;
}

export type UnsignedCheckpoint = Omit<SignedCheckpoint, 'signature'>;

/** The exact bytes a checkpoint's signature covers: the canonical JSON of every field but the signature. */
export function checkpointSigningText(checkpoint: UnsignedCheckpoint | SignedCheckpoint): string {
  const { signature: _ignored, ...signed } = checkpoint as SignedCheckpoint;
  return canonicalJson(signed);
}

/**
 * Where signed checkpoints are kept: an append-only log outside the event store (a file beside the
 * data by default; a directory or an HTTP witness when configured).
 */
export interface CheckpointLog {
  /** The last checkpoint written, or undefined when none was. */
  latest(): Promise<SignedCheckpoint | undefined>;
  append(checkpoint: SignedCheckpoint): Promise<void>;
}

/** Nest token of the CheckpointLog the service writes to and the verifier reads. */
export const CHECKPOINT_LOG = Symbol('CHECKPOINT_LOG');
