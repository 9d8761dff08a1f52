import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Actor } from '@libs/event-sourcing';
import {
  EXPORT_LINE_END,
  ExportFormat,
  ExportSelection,
  InvalidExportRequestError,
  UnmaskGrant,
} from './export-events';
import type { ExportOutput } from './export-events';
import type { AuditExports } from './audit-exports';
import type { SignedExportManifest } from './export-manifest';
import { DisclosureGrantRefusedError } from './disclosure-grants';

type Print = (line: string) => void;

export interface ExportCommandDeps {
  readonly exports: Pick<AuditExports, 'start'>;
  readonly now: () => Date;
  readonly actor: Actor;
}

export interface ParsedExportArgs {
  readonly selection: ExportSelection;
  readonly format: ExportFormat;
  readonly unmask?: UnmaskGrant;
  /** The bearer token of the user asking (an export in clear: the grant's grantee). */
  readonly token?: string;
  readonly out?: string;
}

/** Where a CSV export's signed manifest is written: beside the file (JSON Lines carry it in band). */
export function manifestFileFor(exportFile: string): string {
  return `${exportFile}.manifest.json`;
}

/**
 * The CLI's `export`, its arguments parsed: lines to `print` (stdout), or to `--out <file>` with the
 * format's terminator (CRLF for CSV) and a one-line summary on `print`; a CSV file gets its signed
 * manifest beside it (`<file>.manifest.json`). Returns the exit code: 0, or 2 when the export
 * refuses the request or the grant it names (refused before anything is exported).
 */
export async function runExportCommand(
  deps: ExportCommandDeps,
  parsed: ParsedExportArgs,
  print: Print,
): Promise<number> {
  let output: ExportOutput;
  try {
    output = await deps.exports.start({
      selection: parsed.selection,
      format: parsed.format,
      unmask: parsed.unmask,
      now: deps.now(),
      actor: deps.actor,
    });
  } catch (error) {
    if (error instanceof InvalidExportRequestError) {
      print(`Invalid ${error.message}.`);
      return 2;
    }
    if (error instanceof DisclosureGrantRefusedError) {
      print(`Refused (${error.code}): ${error.message}.`);
      return 2;
    }
    throw error;
  }
  if (parsed.out === undefined) {
    for await (const line of output.lines) print(line);
    return 0;
  }
  await writeLines(parsed.out, output.lines, EXPORT_LINE_END[parsed.format]);
  const manifest = output.manifest();
  const where = parsed.format === 'csv' ? writeManifestBeside(parsed.out, manifest) : `${parsed.out} (its last line)`;
  print(
    `Exported ${manifest.count} event(s) as ${parsed.format}${parsed.unmask ? ' IN CLEAR (disclosure recorded)' : ' (personal data masked)'} to ${parsed.out}.`,
  );
  print(`Signed manifest (${manifest.keyId}, export head ${manifest.exportHead || '(no rows)'}) in ${where}.`);
  return 0;
}

async function writeLines(path: string, lines: AsyncIterable<string>, lineEnd: string): Promise<void> {
  const file = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(file, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  for await (const line of lines) {
    if (!file.write(line + lineEnd)) await Promise.race([once(file, 'drain'), failed]);
  }
  file.end();
  await Promise.race([once(file, 'finish'), failed]);
}

function writeManifestBeside(exportFile: string, manifest: SignedExportManifest): string {
  const file = manifestFileFor(exportFile);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return file;
}
