import type { EventStore } from '@libs/event-sourcing';
import type { CheckpointLog } from '@libs/workflow';
import type { RuntimeConfig } from '@infra/config/runtime-config';
import type { Anchor } from './anchor';
import { verifyDigestChain } from './event-digest-chain';
import { verifySqliteEventStore, type VerificationProgress } from './verify-sqlite-store';
import { type VerificationReport, withStreamIdsMasked } from './verification-report';

/**
 * Verifies the configured store against an anchor: SQLite by its own stream and chain hashes,
 * EventStoreDB (and the in-memory store) by the digest chain over `$all` (ADR 24). The IINs in
 * Person stream ids are masked, as in every audit view.
 */
export async function verifyEventStore(
  config: RuntimeConfig,
  store: EventStore,
  anchor: Anchor | undefined,
  onProgress?: VerificationProgress,
): Promise<VerificationReport> {
  const report =
    config.eventStore === 'sqlite'
      ? await verifySqliteEventStore(config.eventsFile, { anchor, onProgress })
      : await verifyDigestChain(store, { anchor, store: config.eventStore });
  return withStreamIdsMasked(report);
}

/** The latest checkpoint of the log as an anchor, checked with the given public key; undefined when there is none. */
export async function latestCheckpointAnchor(log: CheckpointLog, publicKeyPem: string): Promise<Anchor | undefined> {
  const checkpoint = await log.latest();
  return checkpoint && { source: 'checkpoint-log', checkpoint, publicKeyPem };
}

/** `<position>:<64 hex>`, as an auditor notes a head (`--expect-head`, `?expectHead=`); undefined when malformed. */
export function parseExpectedHead(text: string): Anchor | undefined {
  const match = /^(\d{1,20}):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { source: 'expected-head', position: BigInt(match[1]!).toString(10), headHash: match[2]! } : undefined;
}
