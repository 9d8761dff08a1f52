import { eventIdFor, KANDAS_NAMESPACE, uuidV5 } from '@libs/event-sourcing';
import type { Actor, EventStore, EventTypeRegistry, RecordedEvent } from '@libs/event-sourcing';
import { entryOf, parseInstant } from '../audit/audit-trail';
import type { AuditEntry } from '../audit/audit-trail';
import { csvRecord } from './csv';
import { DISCLOSURE_STREAM, PERSONAL_DATA_DISCLOSED, PersonalDataDisclosedData } from './disclosure-events';
import { DisclosureGrantedData, DisclosureGrantRefusedError, grantAllowing } from './disclosure-grants';
import { maskPersonalData } from './masking';

/**
 * What to export, exactly one of:
 * - `stream`: every event of one stream, in revision order (a missing stream exports nothing);
 * - `correlationId`: everything one correlation caused, across streams, in global order;
 * - `from`/`to`: every event whose **occurredAt** lies in [from, to) (from inclusive, to exclusive),
 *   in global order.
 */
export type ExportSelection =
  { readonly stream: string } | { readonly correlationId: string } | { readonly from: string; readonly to: string };

export type ExportFormat = 'jsonl' | 'csv';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv'];

/** An export in clear names the admin's grant it is made under (DisclosureGranted, ADR 26). */
export interface UnmaskGrant {
  readonly grantId: string;
}

export interface ExportRequest {
  readonly store: EventStore;
  /** Upcasts each event to its current schema; a type it does not know is exported as stored. */
  readonly registry: EventTypeRegistry;
  readonly selection: ExportSelection;
  readonly format: ExportFormat;
  /** Absent: personal data masked. Present: exported in clear under the grant, the disclosure recorded first. */
  readonly unmask?: UnmaskGrant;
  /** The injected clock's instant (the disclosure's occurredAt / disclosedAt). */
  readonly now: Date;
  /** Who asks for the export. */
  readonly actor: Actor;
}

/** The columns, in order, of both formats. */
export const EXPORT_COLUMNS = [
  'position',
  'streamId',
  'revision',
  'eventId',
  'type',
  'schemaVersion',
  'occurredAt',
  'recordedAt',
  'actor',
  'commandId',
  'correlationId',
  'causationId',
  'data',
] as const;

/** What terminates each line when written out: RFC 4180 wants CRLF. */
export const EXPORT_LINE_END: Readonly<Record<ExportFormat, string>> = { jsonl: '\n', csv: '\r\n' };

/** The request is not usable: bad selection or format, or an unmask without its grant. */
export class InvalidExportRequestError extends Error {
  readonly code = 'EXPORT.INVALID_REQUEST';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'InvalidExportRequestError';
  }
}

/** One exported event: the auditors' entry (every piece of metadata), with positions as strings. */
export type ExportRow = AuditEntry;

/**
 * Exports events as lines (without their terminator, see EXPORT_LINE_END): JSON Lines, or RFC 4180
 * CSV with a header record (`actor` and `data` as JSON strings; a record may span several physical
 * lines when a value holds a newline). Events are read and written one at a time, never all loaded.
 *
 * By default the personal data declared for each event type is masked (ADR 26). With `unmask`, the
 * admin's grant it names is checked (DisclosureGrantRefusedError) and a `PersonalDataDisclosed`
 * event referring to it is appended to `audit-disclosures` **before** the iterable is returned, so
 * no line in clear exists without its record.
 */
export async function exportEvents(request: ExportRequest): Promise<AsyncIterable<string>> {
  const selection = checkSelection(request.selection);
  if (!(EXPORT_FORMATS as readonly string[]).includes(request.format))
    throw new InvalidExportRequestError('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (request.unmask !== undefined) {
    const { grantId } = request.unmask;
    if (typeof grantId !== 'string' || grantId.trim() === '')
      throw new InvalidExportRequestError('unmask.grantId', 'is required to export in clear');
    const grant = await grantAllowing(request.store, grantId, request.actor, request.selection, request.now);
    await recordDisclosure(request, grant);
  }
  return lines(request, selection);
}

export type CheckedSelection =
  | { readonly kind: 'stream'; readonly stream: string }
  | { readonly kind: 'correlation'; readonly correlationId: string }
  | { readonly kind: 'period'; readonly fromMs: number; readonly toMs: number };

/** The selection checked and normalised (two selections of the same events compare equal). */
export function checkSelection(selection: ExportSelection): CheckedSelection {
  const given = selection as Partial<Record<'stream' | 'correlationId' | 'from' | 'to', unknown>>;
  const kinds = [
    given.stream !== undefined,
    given.correlationId !== undefined,
    given.from !== undefined || given.to !== undefined,
  ].filter(Boolean).length;
  if (kinds !== 1)
    throw new InvalidExportRequestError('selection', 'needs exactly one of stream, correlationId, from/to');
  if (given.stream !== undefined) {
    if (typeof given.stream !== 'string' || given.stream === '')
      throw new InvalidExportRequestError('selection.stream', 'must be a stream id');
    return { kind: 'stream', stream: given.stream };
  }
  if (given.correlationId !== undefined) {
    if (typeof given.correlationId !== 'string' || given.correlationId === '')
      throw new InvalidExportRequestError('selection.correlationId', 'must be a correlation id');
    return { kind: 'correlation', correlationId: given.correlationId };
  }
  const fromMs = typeof given.from === 'string' ? parseInstant(given.from) : null;
  const toMs = typeof given.to === 'string' ? parseInstant(given.to) : null;
  if (fromMs === null)
    throw new InvalidExportRequestError('selection.from', 'must be an ISO-8601 instant with its offset');
  if (toMs === null) throw new InvalidExportRequestError('selection.to', 'must be an ISO-8601 instant with its offset');
  if (toMs < fromMs) throw new InvalidExportRequestError('selection.to', 'is before from');
  return { kind: 'period', fromMs, toMs };
}

/**
 * One disclosure per grant: its event id is derived from the grant id, so a second use of the grant
 * — even racing the first — finds the event already stored, and is refused.
 */
async function recordDisclosure(request: ExportRequest, grant: DisclosureGrantedData): Promise<void> {
  const commandId = uuidV5(`disclosure:${grant.grantId}`, KANDAS_NAMESPACE);
  const occurredAt = request.now.toISOString();
  const data: PersonalDataDisclosedData = {
    selection: request.selection,
    format: request.format,
    grantId: grant.grantId,
    grantedBy: grant.grantedBy.id,
    reason: grant.reason,
    requestedBy: { id: request.actor.id, role: request.actor.role },
    disclosedAt: occurredAt,
  };
  const appended = await request.store.append(
    DISCLOSURE_STREAM,
    [
      {
        eventId: eventIdFor(commandId, 0),
        type: PERSONAL_DATA_DISCLOSED,
        schemaVersion: 2,
        data,
        metadata: {
          actor: { id: request.actor.id, role: request.actor.role },
          commandId,
          correlationId: commandId,
          causationId: commandId,
          occurredAt,
        },
      },
    ],
    { expectedRevision: 'any' },
  );
  if (appended.alreadyStored === true)
    throw new DisclosureGrantRefusedError('used', grant.grantId, `Grant ${grant.grantId} was already used`);
}

async function* lines(request: ExportRequest, selection: CheckedSelection): AsyncGenerator<string> {
  const { format, registry } = request;
  const clear = request.unmask !== undefined;
  if (format === 'csv') yield csvRecord(EXPORT_COLUMNS);
  for await (const stored of selected(request.store, selection)) {
    const event = registry.has(stored.type) ? registry.upcast(stored) : stored;
    const row = clear ? entryOf(event) : maskRow(entryOf(event));
    yield format === 'jsonl' ? JSON.stringify(row) : csvRecord(csvFields(row));
  }
}

async function* selected(store: EventStore, selection: CheckedSelection): AsyncGenerator<RecordedEvent> {
  if (selection.kind === 'stream') {
    yield* store.readStream(selection.stream);
    return;
  }
  // Correlation and period scan the whole log in global order (occurredAt is not monotonic across streams).
  for await (const event of store.readAll()) {
    if (
      selection.kind === 'correlation'
        ? event.metadata.correlationId === selection.correlationId
        : inPeriod(event, selection.fromMs, selection.toMs)
    )
      yield event;
  }
}

function inPeriod(event: RecordedEvent, fromMs: number, toMs: number): boolean {
  const at = Date.parse(event.metadata.occurredAt);
  return at >= fromMs && at < toMs;
}

/** Masked as every masked view masks an event: by the declared personal data of its type (ADR 26). */
function maskRow(row: ExportRow): ExportRow {
  return maskPersonalData(row);
}

function csvFields(row: ExportRow): string[] {
  return EXPORT_COLUMNS.map((column) =>
    column === 'actor' || column === 'data' ? JSON.stringify(row[column]) : String(row[column]),
  );
}
