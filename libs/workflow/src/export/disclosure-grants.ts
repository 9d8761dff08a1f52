import { canonicalJson } from '@domain/shared/canonical-json';
import { newUuid } from '@libs/event-sourcing';
import type { Actor, EventStore, EventTypeDefinition } from '@libs/event-sourcing';
import { parseInstant } from '../audit/audit-trail';
import { checkSelection, ExportSelection, InvalidExportRequestError } from './export-events';

export const DISCLOSURE_GRANTED = 'DisclosureGranted';
/** Each grant has its own stream: found by its id in one read, never by a scan. */
export const DISCLOSURE_GRANT_STREAM_PREFIX = 'disclosure-grant-';
export const disclosureGrantStreamId = (grantId: string) => `${DISCLOSURE_GRANT_STREAM_PREFIX}${grantId}`;

/** The longest a grant stays usable: a disclosure answers a case, not a standing need. */
export const MAX_GRANT_DAYS = 30;

/** An admin allowed one auditor one export of one selection in clear, for a stated reason, until a time. */
export interface DisclosureGrantedData {
  readonly grantId: string;
  /** The admin who granted it (the authenticated actor, never a typed name). */
  readonly grantedBy: Actor;
  /** The user id of the auditor who may use it. */
  readonly grantee: string;
  readonly selection: ExportSelection;
  readonly reason: string;
  readonly expiresAt: string;
  readonly grantedAt: string;
}

export const DISCLOSURE_GRANT_EVENT_TYPES: readonly EventTypeDefinition[] = [
  { type: DISCLOSURE_GRANTED, schemaVersion: 1 },
];

export interface DisclosureGrantRequest {
  readonly grantee: unknown;
  readonly selection: unknown;
  readonly reason: unknown;
  readonly expiresAt: unknown;
}

/** Why an export in clear is refused under the grant it names. */
export type GrantRefusal = 'unknown' | 'expired' | 'other-grantee' | 'other-selection' | 'used';

export class DisclosureGrantRefusedError extends Error {
  readonly code: string;
  constructor(
    readonly refusal: GrantRefusal,
    readonly grantId: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'DisclosureGrantRefusedError';
    this.code = `AUDIT.GRANT_${refusal.toUpperCase().replace('-', '_')}`;
  }
}

/**
 * Records an admin's grant, checked first: only an admin grants, never to themselves (two people
 * see a disclosure happen), for a valid selection, with a reason, expiring within MAX_GRANT_DAYS.
 */
export async function grantDisclosure(
  store: EventStore,
  now: Date,
  admin: Actor,
  request: DisclosureGrantRequest,
): Promise<DisclosureGrantedData> {
  const { grantee, reason, expiresAt } = request;
  if (admin.role !== 'admin') throw new InvalidExportRequestError('grantedBy', 'must be an admin');
  if (typeof grantee !== 'string' || grantee.trim() === '')
    throw new InvalidExportRequestError('grantee', 'is required: the user id of the auditor');
  if (grantee === admin.id)
    throw new InvalidExportRequestError('grantee', 'must be someone else than the admin granting');
  if (typeof reason !== 'string' || reason.trim() === '')
    throw new InvalidExportRequestError('reason', 'is required: why personal data leaves in clear');
  checkSelection(request.selection as ExportSelection);
  const expiresMs = typeof expiresAt === 'string' ? parseInstant(expiresAt) : null;
  if (expiresMs === null)
    throw new InvalidExportRequestError('expiresAt', 'must be an ISO-8601 instant with its offset');
  if (expiresMs <= now.getTime()) throw new InvalidExportRequestError('expiresAt', 'must be in the future');
  if (expiresMs > now.getTime() + MAX_GRANT_DAYS * 86_400_000)
    throw new InvalidExportRequestError('expiresAt', `must be within ${MAX_GRANT_DAYS} days`);
  const grantId = newUuid();
  const grant: DisclosureGrantedData = {
    grantId,
    grantedBy: { id: admin.id, role: admin.role },
    grantee,
    selection: request.selection as ExportSelection,
    reason,
    expiresAt: new Date(expiresMs).toISOString(),
    grantedAt: now.toISOString(),
  };
  await store.append(
    disclosureGrantStreamId(grantId),
    [
      {
        eventId: grantId,
        type: DISCLOSURE_GRANTED,
        schemaVersion: 1,
        data: grant,
        metadata: {
          actor: grant.grantedBy,
          commandId: grantId,
          correlationId: grantId,
          causationId: grantId,
          occurredAt: grant.grantedAt,
        },
      },
    ],
    { expectedRevision: 'no-stream' },
  );
  return grant;
}

/**
 * The grant an export in clear names, if it allows this export: known, not expired, given to this
 * reader, for this very selection. Whether it was already used is settled when the disclosure is
 * recorded (recordDisclosure: one disclosure per grant, atomically).
 */
export async function grantAllowing(
  store: EventStore,
  grantId: string,
  reader: Actor,
  selection: ExportSelection,
  now: Date,
): Promise<DisclosureGrantedData> {
  const grant = /^[0-9a-f-]{36}$/i.test(grantId) ? await grantOf(store, grantId) : null;
  if (grant === null) throw new DisclosureGrantRefusedError('unknown', grantId, `No disclosure grant ${grantId}`);
  if (Date.parse(grant.expiresAt) <= now.getTime())
    throw new DisclosureGrantRefusedError('expired', grantId, `Grant ${grantId} expired at ${grant.expiresAt}`);
  if (grant.grantee !== reader.id)
    throw new DisclosureGrantRefusedError('other-grantee', grantId, `Grant ${grantId} was given to another user`);
  if (canonicalJson(checkSelection(grant.selection)) !== canonicalJson(checkSelection(selection)))
    throw new DisclosureGrantRefusedError(
      'other-selection',
      grantId,
      `Grant ${grantId} covers ${canonicalJson(grant.selection)}, not this selection`,
    );
  return grant;
}

async function grantOf(store: EventStore, grantId: string): Promise<DisclosureGrantedData | null> {
  for await (const event of store.readStream(disclosureGrantStreamId(grantId), { maxCount: 1 }))
    return event.type === DISCLOSURE_GRANTED ? (event.data as DisclosureGrantedData) : null;
  return null;
}
