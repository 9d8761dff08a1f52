import { keyIdOf, verifyDetached } from '@libs/auth';
import { checkpointSigningText } from '../audit/checkpoint';
import type { SignedCheckpoint } from '../audit/checkpoint';
import { parseInstant } from '../audit/audit-trail';
import { canonicalJson } from '@domain/shared/canonical-json';
import { chainHashOf, EMPTY_EXPORT_HEAD, rowHashOf } from './export-hashing';
import { chainHeadOf, manifestSigningText } from './export-manifest';
import type { SignedExportManifest } from './export-manifest';

/** One thing wrong with a received export: where (a line, a record, the manifest, the whole) and what. */
export interface ExportProblem {
  readonly where: string;
  readonly what: string;
}

export interface ExportVerification {
  readonly valid: boolean;
  /** Rows read (lines or records that were rows, readable or not). */
  readonly rows: number;
  readonly problems: readonly ExportProblem[];
}

const short = (hash: unknown) => (typeof hash === 'string' && hash !== '' ? `${hash.slice(0, 12)}…` : String(hash));

/**
 * Checks a received export against its signed manifest, row by row as it is read (nothing held but
 * the running chain), with the service's public key alone (ADR 25). Soundness rests on one
 * comparison — the chain recomputed from the rows' content against the signed `exportHead` — and
 * the signature over it; the checks of each row's own hashes, positions and revisions say *where*
 * the export was edited, cut, reordered or added to, and the run goes on to report every problem.
 */
export class ExportCheck {
  private readonly problems: ExportProblem[] = [];
  private rows = 0;
  private head = EMPTY_EXPORT_HEAD;
  private previousClaimedChain = EMPTY_EXPORT_HEAD;
  private previousPosition: bigint | undefined;
  private previousRevision: number | undefined;
  private firstPosition: string | null = null;
  private lastPosition: string | null = null;

  constructor(
    private readonly manifest: SignedExportManifest,
    private readonly publicKeyPem: string,
  ) {
    this.checkManifest();
  }

  /** A line or record that could not be read as a row (it still counts as a row received). */
  unreadable(where: string, reason: string): void {
    this.rows++;
    this.problem(where, reason);
  }

  /** A problem of the file itself, not of one row (a stray manifest line, a wrong header). */
  problem(where: string, what: string): void {
    this.problems.push({ where, what });
  }

  /** One row as received, with its `rowHash` and `chainHash`. */
  row(where: string, row: Readonly<Record<string, unknown>>): void {
    this.rows++;
    const at = typeof row.position === 'string' ? `${where} (position ${row.position})` : where;
    const actual = rowHashOf(row);
    const claimed = typeof row.rowHash === 'string' ? row.rowHash : undefined;
    if (claimed === undefined) this.problem(at, 'no rowHash');
    else if (claimed !== actual)
      this.problem(
        at,
        `rowHash ${short(claimed)} does not match the row's content (${short(actual)}): the row was edited`,
      );
    this.head = chainHashOf(this.head, actual);
    const link = chainHashOf(this.previousClaimedChain, claimed ?? actual);
    if (row.chainHash !== link)
      this.problem(
        at,
        `chainHash ${short(row.chainHash)} does not follow from the previous row (${short(link)}): a row before it was dropped, added or moved`,
      );
    this.previousClaimedChain = typeof row.chainHash === 'string' ? row.chainHash : link;
    this.checkOrder(at, row);
    this.checkSelected(at, row);
  }

  finish(): ExportVerification {
    const { manifest } = this;
    if (this.rows !== manifest.count)
      this.problem(
        'export',
        `${this.rows} rows where the manifest says ${manifest.count}: rows were ${this.rows < manifest.count ? 'dropped' : 'added'}`,
      );
    if (this.firstPosition !== manifest.firstPosition)
      this.problem('export', `first position ${this.firstPosition} where the manifest says ${manifest.firstPosition}`);
    if (this.lastPosition !== manifest.lastPosition)
      this.problem('export', `last position ${this.lastPosition} where the manifest says ${manifest.lastPosition}`);
    if (this.head !== manifest.exportHead)
      this.problem(
        'export',
        `the chain recomputed from the rows ends at ${short(this.head)}, the signed export head is ${short(manifest.exportHead)}: these are not the rows that were signed`,
      );
    return { valid: this.problems.length === 0, rows: this.rows, problems: [...this.problems] };
  }

  private checkManifest(): void {
    const { manifest, publicKeyPem } = this;
    const keyId = keyIdOf(publicKeyPem);
    if (manifest.keyId !== keyId)
      this.problem('manifest', `signed with key ${manifest.keyId}, but the public key given is ${keyId}`);
    else if (!verifyDetached(publicKeyPem, manifestSigningText(manifest), manifest.signature))
      this.problem('manifest', 'the signature does not verify: the manifest was altered or not signed by this key');
    if (manifest.masked === (manifest.disclosure !== null))
      this.problem('manifest', 'an export in clear names its disclosure, a masked one none');
    this.checkCheckpoint(manifest.checkpoint);
  }

  private checkCheckpoint(checkpoint: SignedCheckpoint | null): void {
    if (canonicalJson(chainHeadOf(checkpoint ?? undefined)) !== canonicalJson(this.manifest.storeHead))
      this.problem('manifest', 'the store head is not the checkpoint’s');
    if (checkpoint === null) return;
    const keyId = keyIdOf(this.publicKeyPem);
    if (checkpoint.keyId !== keyId)
      this.problem('checkpoint', `signed with key ${checkpoint.keyId}, but the public key given is ${keyId}`);
    else if (!verifyDetached(this.publicKeyPem, checkpointSigningText(checkpoint), checkpoint.signature))
      this.problem('checkpoint', 'the signature does not verify');
  }

  /** Global order: positions strictly increase; a stream's export holds revisions 0, 1, 2 … */
  private checkOrder(at: string, row: Readonly<Record<string, unknown>>): void {
    const position = typeof row.position === 'string' && /^\d+$/.test(row.position) ? row.position : undefined;
    if (position === undefined) this.problem(at, `position ${JSON.stringify(row.position)} is not a global position`);
    else {
      if (this.previousPosition !== undefined && BigInt(position) <= this.previousPosition)
        this.problem(
          at,
          `position ${position} does not come after ${this.previousPosition}: rows out of order or repeated`,
        );
      this.previousPosition = BigInt(position);
      this.firstPosition ??= position;
      this.lastPosition = position;
    }
    if (!('stream' in this.manifest.selection)) return;
    const expected = this.previousRevision === undefined ? 0 : this.previousRevision + 1;
    if (row.revision !== expected)
      this.problem(
        at,
        `revision ${JSON.stringify(row.revision)} where ${expected} comes next: ${typeof row.revision === 'number' && row.revision > expected ? 'revisions missing before it' : 'rows out of order or repeated'}`,
      );
    this.previousRevision = typeof row.revision === 'number' ? row.revision : expected;
  }

  /** Every row belongs to the selection the manifest names. */
  private checkSelected(at: string, row: Readonly<Record<string, unknown>>): void {
    const selection = this.manifest.selection;
    if ('stream' in selection) {
      if (row.streamId !== selection.stream) this.problem(at, `stream ${String(row.streamId)} is not the one selected`);
    } else if ('correlationId' in selection) {
      if (row.correlationId !== selection.correlationId)
        this.problem(at, `correlation ${String(row.correlationId)} is not the one selected`);
    } else {
      const occurred = typeof row.occurredAt === 'string' ? parseInstant(row.occurredAt) : null;
      const [from, to] = [parseInstant(selection.from), parseInstant(selection.to)];
      if (occurred === null || from === null || to === null || occurred < from || occurred >= to)
        this.problem(at, `occurredAt ${String(row.occurredAt)} is outside the period selected`);
    }
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isPositionOrNull = (value: unknown) => value === null || (isString(value) && /^\d+$/.test(value));

/** The manifest's shape checked before anything is trusted of it; a string says what is wrong. */
export function asExportManifest(value: unknown): SignedExportManifest | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const m = value as Record<string, unknown>;
  const selection = m.selection as Record<string, unknown> | null;
  const wrong = [
    m.version === 1 ? null : 'version (1)',
    selection !== null &&
    typeof selection === 'object' &&
    (isString(selection.stream) ||
      isString(selection.correlationId) ||
      (isString(selection.from) && isString(selection.to)))
      ? null
      : 'selection',
    m.format === 'jsonl' || m.format === 'csv' ? null : 'format',
    typeof m.masked === 'boolean' ? null : 'masked',
    typeof m.count === 'number' && Number.isInteger(m.count) && m.count >= 0 ? null : 'count',
    isPositionOrNull(m.firstPosition) && isPositionOrNull(m.lastPosition) ? null : 'firstPosition/lastPosition',
    isString(m.exportHead) ? null : 'exportHead',
    m.disclosure === null || typeof m.disclosure === 'object' ? null : 'disclosure',
    m.storeHead === null || typeof m.storeHead === 'object' ? null : 'storeHead',
    m.checkpoint === null || typeof m.checkpoint === 'object' ? null : 'checkpoint',
    isString(m.exportedAt) ? null : 'exportedAt',
    m.exportedBy !== null && typeof m.exportedBy === 'object' ? null : 'exportedBy',
    isString(m.keyId) ? null : 'keyId',
    isString(m.signature) ? null : 'signature',
  ].filter((field) => field !== null);
  return wrong.length === 0 ? (value as SignedExportManifest) : `missing or malformed: ${wrong.join(', ')}`;
}
