import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { canonicalJson } from '@domain/shared/canonical-json';
import type { Info } from 'csv-parse';
import { EXPORT_COLUMNS } from './export-events';
import type { ExportFormat } from './export-events';
import type { SignedExportManifest } from './export-manifest';
import { manifestFileFor } from './export-command';
import { asExportManifest, ExportCheck } from './verify-export';
import type { ExportVerification } from './verify-export';

/** The input cannot be checked at all (no file, no manifest to check it against): bad arguments, not a bad export. */
export class ExportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportInputError';
  }
}

export interface ReceivedExport {
  /** The export: JSON Lines (manifest as last line) or CSV. */
  readonly file: string;
  /** The manifest's file; by default the JSON Lines' last line, or `<file>.manifest.json` for CSV. */
  readonly manifestFile?: string;
  readonly publicKeyPem: string;
}

export interface FileVerification extends ExportVerification {
  readonly format: ExportFormat;
  /** Null when no manifest was found in a JSON Lines file (which is then invalid). */
  readonly manifest: SignedExportManifest | null;
}

/**
 * Verifies an export file offline (ADR 25): reads it as a stream, twice for JSON Lines (first for
 * the manifest, its last line), and checks every row against the signed manifest.
 */
export async function verifyExportFile(received: ReceivedExport): Promise<FileVerification> {
  if (!existsSync(received.file)) throw new ExportInputError(`no file ${received.file}`);
  const format = await formatOf(received.file);
  const given = received.manifestFile ?? (format === 'csv' ? manifestFileFor(received.file) : undefined);
  const manifest = given !== undefined ? manifestFromFile(given) : await lastLineManifest(received.file);
  if (manifest === null)
    return {
      format,
      manifest,
      valid: false,
      rows: 0,
      problems: [{ where: 'manifest', what: 'none: the last line is not {"manifest":{…}} (was it cut off?)' }],
    };
  const check = new ExportCheck(manifest, received.publicKeyPem);
  if (manifest.format !== format) check.problem('manifest', `signed for ${manifest.format}, the file is ${format}`);
  if (format === 'jsonl') await readJsonLines(received.file, check, manifest);
  else await readCsv(received.file, check);
  return { format, manifest, ...check.finish() };
}

/** JSON Lines begin with an object; anything else is taken for CSV (whose first record is the header). */
async function formatOf(file: string): Promise<ExportFormat> {
  for await (const line of lines(file)) return line.trimStart().startsWith('{') ? 'jsonl' : 'csv';
  return 'jsonl';
}

function lines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

function manifestFromFile(file: string): SignedExportManifest {
  if (!existsSync(file)) throw new ExportInputError(`no manifest ${file} (give it with --manifest <file>)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ExportInputError(`the manifest ${file} is not JSON`);
  }
  const manifest = asExportManifest(parsed);
  if (typeof manifest === 'string')
    throw new ExportInputError(`the manifest ${file} is not an export manifest: ${manifest}`);
  return manifest;
}

/** The manifest of a JSON Lines export: its last non-empty line, `{"manifest":{…}}`; null when it is not one. */
async function lastLineManifest(file: string): Promise<SignedExportManifest | null> {
  let last = '';
  for await (const line of lines(file)) if (line.trim() !== '') last = line;
  const manifest = manifestOfLine(last);
  return manifest === undefined || typeof manifest === 'string' ? null : manifest;
}

/** A line's manifest: undefined when the line is not `{"manifest":…}`, a string when that manifest is malformed. */
function manifestOfLine(line: string): SignedExportManifest | string | undefined {
  try {
    const parsed = JSON.parse(line) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Object.keys(parsed).join() !== 'manifest') return undefined;
    return asExportManifest((parsed as { manifest: unknown }).manifest);
  } catch {
    return undefined;
  }
}

/** Each line a row, but one manifest line: the manifest checked against (the last line, unless given apart). */
async function readJsonLines(file: string, check: ExportCheck, manifest: SignedExportManifest): Promise<void> {
  let number = 0;
  let manifestSeen = false;
  for await (const line of lines(file)) {
    number++;
    if (line.trim() === '') continue;
    const where = `line ${number}`;
    const inBand = manifestOfLine(line);
    if (inBand !== undefined) {
      if (manifestSeen || canonicalJson(inBand) !== canonicalJson(manifest))
        check.problem(where, 'a manifest other than the one checked against');
      manifestSeen = true;
      continue;
    }
    if (manifestSeen) check.problem(where, 'a line after the manifest');
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      check.unreadable(where, 'not JSON');
      continue;
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) check.unreadable(where, 'not a JSON object');
    else check.row(where, row as Record<string, unknown>);
  }
}

/** RFC 4180 with the export's header; `revision` and `schemaVersion` read back as numbers, `actor` and `data` as JSON. */
async function readCsv(file: string, check: ExportCheck): Promise<void> {
  const records = createReadStream(file).pipe(parse({ info: true, relax_column_count: true, bom: true }));
  let header = true;
  try {
    for await (const { record, info } of records as AsyncIterable<{ record: string[]; info: Info }>) {
      const where = `record ${info.records - 1} (line ${info.lines})`;
      if (header) {
        header = false;
        if (record.join() !== EXPORT_COLUMNS.join())
          check.problem('line 1', `the header is not the export's columns (${EXPORT_COLUMNS.join(',')})`);
        continue;
      }
      const row = csvRow(record);
      if (typeof row === 'string') check.unreadable(where, row);
      else check.row(where, row);
    }
  } catch (error) {
    check.problem('file', `not RFC 4180 CSV: ${(error as Error).message}`);
  }
}

function csvRow(record: readonly string[]): Record<string, unknown> | string {
  if (record.length !== EXPORT_COLUMNS.length)
    return `${record.length} fields where the export has ${EXPORT_COLUMNS.length}`;
  const row: Record<string, unknown> = {};
  for (const [index, column] of EXPORT_COLUMNS.entries()) {
    const text = record[index]!;
    if (column === 'revision' || column === 'schemaVersion') {
      if (!/^(0|[1-9]\d*)$/.test(text)) return `${column} ${JSON.stringify(text)} is not a whole number`;
      row[column] = Number(text);
    } else if (column === 'actor' || column === 'data') {
      try {
        row[column] = JSON.parse(text);
      } catch {
        return `${column} is not JSON`;
      }
    } else row[column] = text;
  }
  return row;
}
