import { createHash } from 'node:crypto';
import { canonicalJson } from '@domain/shared/canonical-json';
import type { EventTypeDefinition } from '@libs/event-sourcing';

/** The one stream every auditor's read is recorded in, in order: one chain to verify (ADR 26). */
export const AUDIT_ACCESS_STREAM = 'audit-access';
export const AUDIT_RECORD_READ = 'AuditRecordRead';

/** What an auditor can read of the audit trail. */
export const AUDIT_READS = [
  'history',
  'correlation',
  'as-of',
  'diff',
  'decision',
  'export',
  'verify',
  'verify-access',
] as const;
export type AuditRead = (typeof AUDIT_READS)[number];

/** Who read, what, and how: the request as the reader made it. */
export interface AuditReadRequest {
  readonly reader: { readonly id: string; readonly role: string };
  readonly operation: AuditRead;
  /** What was read: the application id, correlation id, stream, period, points… as given. */
  readonly target: Readonly<Record<string, string>>;
  /** Personal data shown in clear (a reviewer's history, an export under a grant) or masked. */
  readonly inClear: boolean;
  /** The disclosure grant an export in clear was made under. */
  readonly grantId: string | null;
}

/**
 * One read, recorded. `previousHash` is the `hash` of the access event before it (null for the
 * first) and `hash` is SHA-256 over the canonical JSON of everything else: the access log is a hash
 * chain of its own, checkable on any store (verifyAccessChain).
 */
export interface AuditRecordReadData extends AuditReadRequest {
  /** ISO-8601 instant of the injected clock. */
  readonly readAt: string;
  readonly previousHash: string | null;
  readonly hash: string;
}

export const AUDIT_ACCESS_EVENT_TYPES: readonly EventTypeDefinition[] = [{ type: AUDIT_RECORD_READ, schemaVersion: 1 }];

export function accessHash(data: Omit<AuditRecordReadData, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(data), 'utf8').digest('hex');
}
