import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Actor, EventStore, EventTypeRegistry } from '@libs/event-sourcing';
import { EXPORT_FORMATS, EXPORT_LINE_END, ExportFormat, ExportSelection, exportEvents, InvalidExportRequestError, UnmaskGrant } from './export-events';

type Print = (line: string) => void;

export const EXPORT_USAGE =
  'export (--stream <id> | --correlation <id> | --from <instant> --to <instant>) [--format jsonl|csv] [--unmask --granted-by <admin-id> --reason <text>] [--out <file>]';

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
  readonly out?: string;
}

/** Parses `export`'s arguments (without the word `export`); a string is the reason they are refused. */
export function parseExportArgs(args: readonly string[]): ParsedExportArgs | string {
  const valueFlags = ['--stream', '--correlation', '--from', '--to', '--format', '--granted-by', '--reason', '--out'];
  const values = new Map<string, string>();
  let unmask = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--unmask') unmask = true;
    else if (valueFlags.includes(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
      if (values.has(arg)) return `${arg} given twice`;
      values.set(arg, value);
      i++;
    } else return `unknown argument ${arg}`;
  }
  const stream = values.get('--stream');
  const correlation = values.get('--correlation');
  const from = values.get('--from');
  const to = values.get('--to');
  const period = from !== undefined || to !== undefined;
  if ([stream !== undefined, correlation !== undefined, period].filter(Boolean).length !== 1) return 'give exactly one of --stream, --correlation, --from/--to';
  if (period && (from === undefined || to === undefined)) return '--from and --to go together';
  const selection: ExportSelection = stream !== undefined ? { stream } : correlation !== undefined ? { correlationId: correlation } : { from: from!, to: to! };
  const format = values.get('--format') ?? 'jsonl';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return `--format must be one of ${EXPORT_FORMATS.join(', ')}`;
  const grantedBy = values.get('--granted-by');
  const reason = values.get('--reason');
  if (!unmask && (grantedBy !== undefined || reason !== undefined)) return '--granted-by and --reason only go with --unmask';
  if (unmask && (!grantedBy?.trim() || !reason?.trim())) return '--unmask needs --granted-by <admin-id> and --reason <text>';
  return { selection, format: format as ExportFormat, unmask: unmask ? { grantedBy: grantedBy!, reason: reason! } : undefined, out: values.get('--out') };
}

/**
 * The CLI's `export`: lines to `print` (stdout), or to `--out <file>` with the format's terminator
 * (CRLF for CSV) and a one-line summary on `print`. Returns the exit code: 0, or 2 on bad arguments
 * (an unmask without its grant is refused before anything is read or recorded).
 */
export async function runExportCommand(deps: ExportCommandDeps, args: readonly string[], print: Print): Promise<number> {
  const parsed = parseExportArgs(args);
  if (typeof parsed === 'string') {
    print(parsed);
    print(`usage: ${EXPORT_USAGE}`);
    return 2;
  }
  let lines: AsyncIterable<string>;
  try {
    lines = await exportEvents({ store: deps.store, registry: deps.registry, selection: parsed.selection, format: parsed.format, unmask: parsed.unmask, now: deps.now(), actor: deps.actor });
  } catch (error) {
    if (error instanceof InvalidExportRequestError) {
      print(`Invalid ${error.message}.`);
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
  print(`Exported ${events} event(s) as ${parsed.format}${parsed.unmask ? ' IN CLEAR (disclosure recorded)' : ' (IINs and names masked)'} to ${parsed.out}.`);
  return 0;
}
