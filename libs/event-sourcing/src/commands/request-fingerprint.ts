import { RecordedEvent } from '../store';

/**
 * A command id came back with another request than the one that first used it: an HTTP client
 * reused its Idempotency-Key for a different request. Refused, not answered with the first result.
 */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'REQUEST.IDEMPOTENCY_KEY_REUSED';
  constructor(readonly commandId: string) {
    super('This Idempotency-Key was used for a different request; use a new key');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/**
 * A retried command (its events already stored) must be the same request as the first: the
 * fingerprint recorded in the stored events' metadata is compared with the retry's. It lives in the
 * store, so the check holds on every instance (ADR 17). Events stored without one (before it was
 * recorded, or by a saga) are not compared.
 */
export function assertSameRequest(
  handled: readonly RecordedEvent[],
  commandId: string,
  requestFingerprint: string | undefined,
): void {
  if (requestFingerprint === undefined) return;
  const recorded = handled.find((e) => e.metadata.requestFingerprint !== undefined)?.metadata.requestFingerprint;
  if (recorded !== undefined && recorded !== requestFingerprint) throw new IdempotencyKeyReusedError(commandId);
}
