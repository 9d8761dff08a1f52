import { hash } from 'node:crypto';
import { EventRow, rowFields } from './sqlite-statements';

/** The stored fields of one event that its hashes cover, as they sit in an `events` row. */
export interface HashedEventFields {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  /** The stored JSON text; it is parsed and re-serialised canonically, so key order does not matter. */
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
}

/**
 * Tamper evidence of the SQLite event store (migration 2):
 *
 *   content     = canonicalJson({ eventId, streamId, revision, position: "<decimal>", type, schemaVersion,
 *                                 data: <parsed>, metadata: <parsed>, recordedAt })
 *   stream_hash = sha256hex(<stream_hash of revision - 1 of the same stream, or '' at revision 0> + '\n' + content)
 *   chain_hash  = sha256hex(<chain_hash of the previous event in position order, or '' for the first> + '\n' + stream_hash)
 */
export function eventContent(event: HashedEventFields): string {
  return canonicalJsonOfParsed({
    eventId: event.eventId,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position.toString(10),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.parse(event.data) as unknown,
    metadata: new CanonicalText(canonicalMetadata(event.metadata)),
    recordedAt: event.recordedAt,
  });
}

/**
 * The events of one append share their metadata (one command caused them), and so do neighbouring
 * rows the verifier reads: the canonical text of the last metadata is kept and reused when the same
 * text comes again, instead of being parsed and canonicalised once per event.
 */
let lastMetadata: { readonly text: string; readonly canonical: string } | undefined;

function canonicalMetadata(text: string): string {
  if (lastMetadata?.text === text) return lastMetadata.canonical;
  const canonical = canonicalJsonOfParsed(JSON.parse(text));
  lastMetadata = { text, canonical };
  return canonical;
}

/** Already canonical JSON text, written as it is by canonicalJsonOfParsed. */
class CanonicalText {
  constructor(readonly text: string) {}
}

/** The content of an `events` row as stored (the migration's backfill and the verifier read rows). */
export function rowContent(row: EventRow): string {
  return eventContent(rowFields(row));
}

export function sha256hex(text: string): string {
  return hash('sha256', text, 'hex');
}

export function streamHashOf(previousStreamHash: string, content: string): string {
  return sha256hex(`${previousStreamHash}\n${content}`);
}

export function chainHashOf(previousChainHash: string, streamHash: string): string {
  return sha256hex(`${previousChainHash}\n${streamHash}`);
}

/**
 * The same text as `canonicalJson` (domain/shared/canonical-json.ts) — the hashes depend on it byte
 * for byte — for the values JSON.parse returns, at about a third of the cost: the append path
 * canonicalises every event's data and metadata, and `canonicalJson`'s entries, filter, sort with a
 * comparator and one JSON.stringify per key made it the largest CPU cost of an append. Keys are
 * sorted by UTF-16 code units as there (the default sort order), undefined members are left out as
 * there, and what JSON cannot represent throws as there.
 */
function canonicalJsonOfParsed(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object' || value === null) {
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) throw new TypeError('canonicalJson: value is not representable in JSON');
    return text;
  }
  if (value instanceof CanonicalText) return value.text;
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++)
      out += (index === 0 ? '' : ',') + canonicalJsonOfParsed(value[index]);
    return `${out}]`;
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    out += `${first ? '' : ','}${quotedKey(key)}:${canonicalJsonOfParsed(member)}`;
    first = false;
  }
  return `${out}}`;
}

/** Event schemas repeat the same few hundred keys: quote each once (bounded, so odd data cannot grow it). */
const QUOTED_KEYS = new Map<string, string>();
const MAX_QUOTED_KEYS = 4096;

function quotedKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (QUOTED_KEYS.size < MAX_QUOTED_KEYS) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}
