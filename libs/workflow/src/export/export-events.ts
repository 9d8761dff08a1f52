import { eventIdFor, KANDAS_NAMESPACE, uuidV5 } from '@libs/event-sourcing';
import type { Actor, EventStore, EventTypeRegistry, RecordedEvent } from '@libs/event-sourcing';
import { entryOf, parseInstant } from '../audit/audit-trail';
import type { AuditEntry } from '../audit/audit-trail';
import { csvRecord } from './csv';
import { DISCLOSURE_STREAM, PERSONAL_DATA_DISCLOSED, PersonalDataDisclosedData } from './disclosure-events';
import { DisclosureGrantedData, DisclosureGrantRefusedError, grantAllowing } from './disclosure-grants';
import { maskPersonalData, maskPersonalId } from './masking';
import type { CheckpointLog } from '../audit/checkpoint';
import { chainHashOf, EMPTY_EXPORT_HEAD, rowHashOf } from './export-hashing';
import { chainHeadOf, manifestLine, signManifest } from './export-manifest';
import type { ExportDisclosure, ExportSigner, SignedExportManifest } from './export-manifest';

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
  /** Signs the manifest (the service's key). */
  readonly signer: ExportSigner;
  /** Where the latest signed chain-head checkpoint is read; absent: the manifest says `checkpoint: null`. */
  readonly checkpoints?: CheckpointLog;
}

/** A running export: its lines, then its signed manifest. */
export interface ExportOutput {
  /**
   * The lines, without their terminator (EXPORT_LINE_END): for CSV the header and one record per
   * row; for JSON Lines one object per row, then the manifest line `{"manifest":{…}}`.
   */
  readonly lines: AsyncIterable<string>;
  /**
   * The signed manifest, once every line has been read (CSV carries it beside the file, or in an
   * HTTP trailer; ADR 25). Throws before.
   */
  manifest(): SignedExportManifest;
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
  'rowHash',
  'chainHash',
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

/** A row as it leaves: its values, then their hashes (export-hashing.ts). */
export type HashedExportRow = ExportRow & { readonly rowHash: string; readonly chainHash: string };

/**
 * Exports events as lines (without their terminator, see EXPORT_LINE_END): JSON Lines, or RFC 4180
 * CSV with a header record (`actor` and `data` as JSON strings; a record may span several physical
 * lines when a value holds a newline). Events are read and written one at a time, never all loaded.
 *
 * Each row carries its `rowHash` and `chainHash`, computed as it is written, and the export ends with
 * a manifest signed by the service (ADR 25), which a receiver checks offline with `verify-export`.
 *
 * By default the personal data declared for each event type is masked (ADR 26). With `unmask`, the
 * admin's grant it names is checked (DisclosureGrantRefusedError) and a `PersonalDataDisclosed`
 * event referring to it is appended to `audit-disclosures` **before** the lines are returned, so
 * no line in clear exists without its record.
 */
export async function exportEvents(request: ExportRequest): Promise<ExportOutput> {
  const selection = checkSelection(request.selection);
  if (!(EXPORT_FORMATS as readonly string[]).includes(request.format))
    throw new InvalidExportRequestError('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
  let disclosure: ExportDisclosure | null = null;
  if (request.unmask !== undefined) {
    const { grantId } = request.unmask;
    if (typeof grantId !== 'string' || grantId.trim() === '')
      throw new InvalidExportRequestError('unmask.grantId', 'is required to export in clear');
    const grant = await grantAllowing(request.store, grantId, request.actor, request.selection, request.now);
    disclosure = { eventId: await recordDisclosure(request, grant), grant: request.unmask };
  }
  const checkpoint = (await request.checkpoints?.latest()) ?? null;
  let manifest: SignedExportManifest | undefined;
  const rows = lines(request, selection, (count, firstPosition, lastPosition, exportHead) => {
    manifest = signManifest(
      {
        version: 1,
        selection: disclosure ? request.selection : maskSelection(request.selection),
        format: request.format,
        masked: disclosure === null,
        disclosure,
        count,
        firstPosition,
        lastPosition,
        exportHead,
        storeHead: chainHeadOf(checkpoint ?? undefined),
        checkpoint,
        exportedAt: request.now.toISOString(),
        exportedBy: { id: request.actor.id, role: request.actor.role },
        keyId: request.signer.keyId,
      },
      request.signer,
    );
    return manifest;
  });
  return {
    lines: rows,
    manifest: () => {
      if (manifest === undefined) throw new Error('The export manifest exists once every line has been read');
      return manifest;
    },
  };
}

const SELECTION_FIELDS = ['stream', 'correlationId', 'from', 'to'] as const;
/** Stream ids, correlation ids and instants are far shorter; a longer value is a mistake or an attack. */
const MAX_SELECTION_VALUE_LENGTH = 200;
/** Every stream this service writes is named so (`application-<uuid>`, `person-<iin>`, `law-mci`…). */
const STREAM_ID_SHAPE = /^[A-Za-z0-9$][A-Za-z0-9._:$-]*$/;

export type CheckedSelection =
  | { readonly kind: 'stream'; readonly stream: string }
  | { readonly kind: 'correlation'; readonly correlationId: string }
  | { readonly kind: 'period'; readonly fromMs: number; readonly toMs: number };

/** The selection checked and normalised (two selections of the same events compare equal). */
export function checkSelection(selection: ExportSelection): CheckedSelection {
  const given = selection as Partial<Record<'stream' | 'correlationId' | 'from' | 'to', unknown>>;
  // A grant records its selection as given: nothing beyond what an export takes may ride along.
  for (const [key, value] of Object.entries(selection as object)) {
    // Named as the request validation names fields: an index-like key in brackets.
    const field = /^\d+$/.test(key) ? `selection[${key}]` : `selection.${key}`;
    if (!(SELECTION_FIELDS as readonly string[]).includes(key))
      throw new InvalidExportRequestError(field, `is not a selection field (${SELECTION_FIELDS.join(', ')})`);
    if (typeof value === 'string' && value.length > MAX_SELECTION_VALUE_LENGTH)
      throw new InvalidExportRequestError(field, `is longer than ${MAX_SELECTION_VALUE_LENGTH} characters`);
  }
  const kinds = [
    given.stream !== undefined,
    given.correlationId !== undefined,
    given.from !== undefined || given.to !== undefined,
  ].filter(Boolean).length;
  if (kinds !== 1)
    throw new InvalidExportRequestError('selection', 'needs exactly one of stream, correlationId, from/to');
  if (given.stream !== undefined) {
    if (typeof given.stream !== 'string' || !STREAM_ID_SHAPE.test(given.stream))
      throw new InvalidExportRequestError(
        'selection.stream',
        'must be a stream id (letters, digits and . _ : - $, as `application-<uuid>`)',
      );
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
 * — even racing the first — finds the event already stored, and is refused. Returns the event id,
 * which the manifest names.
 */
async function recordDisclosure(request: ExportRequest, grant: DisclosureGrantedData): Promise<string> {
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
  const eventId = eventIdFor(commandId, 0);
  const appended = await request.store.append(
    DISCLOSURE_STREAM,
    [
      {
        eventId,
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
  return eventId;
}

type SignAtEnd = (
  count: number,
  firstPosition: string | null,
  lastPosition: string | null,
  exportHead: string,
) => SignedExportManifest;

/** The rows one at a time, each hashed onto the chain as it goes; the manifest signed after the last. */
async function* lines(
  request: ExportRequest,
  selection: CheckedSelection,
  signAtEnd: SignAtEnd,
): AsyncGenerator<string> {
  const { format, registry } = request;
  const clear = request.unmask !== undefined;
  if (format === 'csv') yield csvRecord(EXPORT_COLUMNS);
  let count = 0;
  let firstPosition: string | null = null;
  let lastPosition: string | null = null;
  let head = EMPTY_EXPORT_HEAD;
  for await (const stored of selected(request.store, selection)) {
    const event = registry.has(stored.type) ? registry.upcast(stored) : stored;
    const values = clear ? entryOf(event) : maskRow(entryOf(event));
    const rowHash = rowHashOf(values);
    head = chainHashOf(head, rowHash);
    const row: HashedExportRow = { ...values, rowHash, chainHash: head };
    count++;
    firstPosition ??= row.position;
    lastPosition = row.position;
    yield format === 'jsonl' ? JSON.stringify(row) : csvRecord(csvFields(row));
  }
  const manifest = signAtEnd(count, firstPosition, lastPosition, head);
  if (format === 'jsonl') yield manifestLine(manifest);
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

/** A masked export's manifest names its selection without the personal data a stream id may carry (`person-<iin>`). */
function maskSelection(selection: ExportSelection): ExportSelection {
  if ('stream' in selection) return { stream: maskPersonalId(selection.stream) };
  if ('correlationId' in selection) return { correlationId: maskPersonalId(selection.correlationId) };
  return selection;
}

/** Masked as every masked view masks an event: by the declared personal data of its type (ADR 26). */
function maskRow(row: ExportRow): ExportRow {
  return maskPersonalData(row);
}

function csvFields(row: HashedExportRow): string[] {
  return EXPORT_COLUMNS.map((column) =>
    column === 'actor' || column === 'data' ? JSON.stringify(row[column]) : String(row[column]),
  );
}
