import { createHash, randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function newUuid(): string {
  return randomUUID();
}

/**
 * Name-based UUID (RFC 9562, version 5, SHA-1). The same name in the same namespace always gives
 * the same id: that is how a command caused by an event, or an event caused by a command, gets an
 * id that a redelivery reproduces instead of duplicating.
 */
export function uuidV5(name: string, namespace: string): string {
  if (!isUuid(namespace)) throw new Error(`uuidV5 namespace must be a UUID, got ${namespace}`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Namespace of every id this system derives (a fixed random UUID; never change it). */
export const KANDAS_NAMESPACE = '5b0c7a3e-2f7d-4d8e-9b61-4a1f0c9e7d23';

/** Id of the i-th event produced by a command: a retried command reproduces the same ids. */
export function eventIdFor(commandId: string, index: number): string {
  return uuidV5(`event:${commandId}:${index}`, KANDAS_NAMESPACE);
}

/** Id of a command caused by an event (saga step `step`): a redelivered event issues the same id. */
export function commandIdCausedBy(eventId: string, step: string): string {
  return uuidV5(`command:${eventId}:${step}`, KANDAS_NAMESPACE);
}
