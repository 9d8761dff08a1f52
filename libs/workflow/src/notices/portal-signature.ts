import { createHash } from 'node:crypto';
import { verifyDetached, type ServiceSigningKey } from '@libs/auth';

/**
 * How the portal tells a notice came from this service (ADR 28): an Ed25519 signature, with the
 * service's key, over the method, the path, the timestamp, the body's digest and the idempotency
 * key, one per line (`POST\n/notices\n2026-…Z\nsha-256=:…:\n<notice id>`). The body is bound by its
 * digest (RFC 9530 `Content-Digest`), the moment by the timestamp (a receiver refuses old ones).
 */
export const SIGNATURE_HEADERS = {
  keyId: 'kandas-key-id',
  timestamp: 'kandas-timestamp',
  digest: 'content-digest',
  signature: 'kandas-signature',
  idempotencyKey: 'idempotency-key',
} as const;

export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly idempotencyKey: string;
}

export function contentDigestOf(body: string): string {
  return `sha-256=:${createHash('sha256').update(body, 'utf8').digest('base64')}:`;
}

function signingString(request: SignedRequest, timestamp: string, digest: string): string {
  return [request.method.toUpperCase(), request.path, timestamp, digest, request.idempotencyKey].join('\n');
}

/** The headers that sign a request, its `Idempotency-Key` among them. */
export function signatureHeaders(key: ServiceSigningKey, request: SignedRequest, at: Date): Record<string, string> {
  const timestamp = at.toISOString();
  const digest = contentDigestOf(request.body);
  return {
    [SIGNATURE_HEADERS.keyId]: key.keyId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.digest]: digest,
    [SIGNATURE_HEADERS.idempotencyKey]: request.idempotencyKey,
    [SIGNATURE_HEADERS.signature]: key.sign(signingString(request, timestamp, digest)),
  };
}

export type SignatureCheck = { readonly valid: true } | { readonly valid: false; readonly reason: string };

/** What a receiver checks, with the service's public key alone; headers by lower-case name. */
export function checkSignature(
  publicKeyPem: string,
  request: Omit<SignedRequest, 'idempotencyKey'>,
  headers: Readonly<Record<string, string | undefined>>,
  now: Date,
  maxSkewMs = 5 * 60_000,
): SignatureCheck {
  const timestamp = headers[SIGNATURE_HEADERS.timestamp];
  const digest = headers[SIGNATURE_HEADERS.digest];
  const signature = headers[SIGNATURE_HEADERS.signature];
  const idempotencyKey = headers[SIGNATURE_HEADERS.idempotencyKey];
  if (!timestamp || !digest || !signature || !idempotencyKey)
    return { valid: false, reason: 'a signature header or the Idempotency-Key is missing' };
  if (digest !== contentDigestOf(request.body)) return { valid: false, reason: 'the body does not match its digest' };
  const skew = Math.abs(now.getTime() - Date.parse(timestamp));
  if (!(skew <= maxSkewMs)) return { valid: false, reason: `the timestamp ${timestamp} is too far from now` };
  const signed = signingString({ ...request, idempotencyKey }, timestamp, digest);
  return verifyDetached(publicKeyPem, signed, signature)
    ? { valid: true }
    : { valid: false, reason: 'the signature does not verify with the public key' };
}
