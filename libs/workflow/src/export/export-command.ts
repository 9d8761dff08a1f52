import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Actor, EventStore, EventTypeRegistry } from '@libs/event-sourcing';
import {
  EXPORT_LINE_END,
  ExportFormat,
  ExportSelection,
  exportEvents,
  InvalidExportRequestError,
  UnmaskGrant,
} from './export-events';
import { DisclosureGrantRefusedError } from './disclosure-grants';

type Print = (line: string) => void;

export interface ExportCommandDeps {
  readonly store: EventStore;
  readonly registry: EventTypeRegistry;
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

/**
 * The CLI's `export`, its arguments parsed: lines to `print` (stdout), or to `--out <file>` with the
 * format's terminator (CRLF for CSV) and a one-line summary on `print`. Returns the exit code: 0, or
 * 2 when the export refuses the request or the grant it names (refused before anything is
 * exported).
 */
export async function runExportCommand(
  deps: ExportCommandDeps,
  parsed: ParsedExportArgs,
  print: Print,
): Promise<number> {
  let lines: AsyncIterable<string>;
  try {
    lines = await exportEvents({
      store: deps.store,
      registry: deps.registry,
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
    for await (const line of lines) print(line);
    return 0;
  }
  const file = createWriteStream(parsed.out, { encoding: 'utf8' });
  const failed = once(file, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  let count = 0;
  for await (const line of lines) {
    if (!file.write(line + EXPORT_LINE_END[parsed.format])) await Promise.race([once(file, 'drain'), failed]);
    count++;
  }
  file.end();
  await Promise.race([once(file, 'finish'), failed]);
  const events = parsed.format === 'csv' ? count - 1 : count;
  print(
    `Exported ${events} event(s) as ${parsed.format}${parsed.unmask ? ' IN CLEAR (disclosure recorded)' : ' (personal data masked)'} to ${parsed.out}.`,
  );
  return 0;
}
