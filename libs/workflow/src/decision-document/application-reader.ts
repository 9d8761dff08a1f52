import { applicationStreamId } from '@domain/application';
import { AuditStreamNotFoundError, type AuditEntry, type AuditTrail } from '../audit/audit-trail';

/** Who reads an application: an officer reads any; the portal only those it submitted (ADR 29). */
export type ApplicationReader = { readonly kind: 'officer' } | { readonly kind: 'portal'; readonly actorId: string };

export const OFFICER: ApplicationReader = { kind: 'officer' };

/**
 * The application's history, when this reader may see it. Another portal's application reads as an
 * unknown one (AuditStreamNotFoundError, so 404 at the edge): a portal learns nothing of what is not its own.
 */
export async function readableHistory(
  audit: AuditTrail,
  applicationId: string,
  reader: ApplicationReader,
): Promise<AuditEntry[]> {
  const entries = await audit.applicationHistory(applicationId);
  if (reader.kind === 'portal' && submitterOf(entries)?.id !== reader.actorId)
    throw new AuditStreamNotFoundError(applicationStreamId(applicationId));
  return entries;
}

/**
 * Who submitted the application: the actor of its `ApplicationSubmitted` event, whom the portal's
 * token named when it posted the submission. Only a portal submits; null otherwise.
 */
export function submitterOf(entries: readonly AuditEntry[]): AuditEntry['actor'] | null {
  const submitted = entries.find((entry) => entry.type === 'ApplicationSubmitted');
  return submitted?.actor.role === 'portal' ? submitted.actor : null;
}
