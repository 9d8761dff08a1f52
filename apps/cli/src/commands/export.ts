import { Command, Option } from 'commander';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import { AuditExports, EXPORT_FORMATS, runExportCommand } from '@libs/workflow';
import type { ExportFormat, ExportSelection, ParsedExportArgs } from '@libs/workflow';
import type { CliContext } from './cli-context';
import { actorOfToken, cliActor } from './cli-reader';
import { optionValuesOf, refuse } from './refuse';

interface ExportOptionValues {
  readonly stream?: string;
  readonly correlation?: string;
  readonly from?: string;
  readonly to?: string;
  readonly format: ExportFormat;
  readonly grant?: string;
  readonly token?: string;
  readonly unmask?: true;
  readonly grantedBy?: string;
  readonly reason?: string;
  readonly out?: string;
}

/** `export`'s options; the rules across them that commander cannot say are in exportArgsFrom. */
function exportCommand(): Command {
  return new Command('export')
    .description(
      'events with full metadata and their hashes as JSON Lines or CSV, with a signed manifest (the last JSON line, or <file>.manifest.json beside a CSV file) that verify-export checks; personal data masked unless exported under an admin’s grant (--grant, recorded as PersonalDataDisclosed in audit-disclosures)',
    )
    .addOption(new Option('--stream <id>', 'every event of one stream').conflicts(['correlation', 'from', 'to']))
    .addOption(new Option('--correlation <id>', 'everything one correlation caused').conflicts(['from', 'to']))
    .option('--from <instant>', 'events whose occurredAt is at or after this instant (with --to)')
    .option('--to <instant>', 'events whose occurredAt is before this instant (with --from)')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('jsonl'))
    .option('--grant <grant-id>', 'export in clear under this disclosure grant (grant-disclosure); needs --token')
    .option('--token <bearer-token>', 'your own token (npm run cli -- token): the grant must name you')
    .addOption(new Option('--unmask').hideHelp())
    .addOption(new Option('--granted-by <admin-id>').hideHelp())
    .addOption(new Option('--reason <text>').hideHelp())
    .option('--out <file>', 'write to a file (CSV with CRLF, required for CSV) instead of stdout');
}

/** The selection and the grant from `export`'s option values; a string is the reason they are refused. */
function exportArgsFrom(values: ExportOptionValues): ParsedExportArgs | string {
  const { stream, correlation, from, to, unmask, grantedBy, reason, grant, token } = values;
  if (unmask || grantedBy !== undefined || reason !== undefined)
    return '--unmask, --granted-by and --reason are gone: an admin grants a disclosure (grant-disclosure), then export with --grant <grant-id> --token <your token>';
  const period = from !== undefined || to !== undefined;
  if ([stream !== undefined, correlation !== undefined, period].filter(Boolean).length !== 1)
    return 'give exactly one of --stream, --correlation, --from/--to';
  if (period && (from === undefined || to === undefined)) return '--from and --to go together';
  const selection: ExportSelection =
    stream !== undefined
      ? { stream }
      : correlation !== undefined
        ? { correlationId: correlation }
        : { from: from!, to: to! };
  if (grant !== undefined && token === undefined)
    return '--grant needs --token <your bearer token>: the grant names who may use it';
  if (values.format === 'csv' && values.out === undefined)
    return '--format csv needs --out <file>: its signed manifest is written beside it';
  return {
    selection,
    format: values.format,
    unmask: grant !== undefined ? { grantId: grant } : undefined,
    token,
    out: values.out,
  };
}

/** Parses `export`'s arguments (without the word `export`) as the CLI does; a string is the reason they are refused. */
export function parseExportArgs(argv: readonly string[]): ParsedExportArgs | string {
  const values = optionValuesOf<ExportOptionValues>(exportCommand(), argv);
  return typeof values === 'string' ? values : exportArgsFrom(values);
}

/**
 * The CLI has no login: a masked export is requested by the operating-system user; one in clear by
 * the user of the token given (verified with the service's key), whom the grant must name.
 */
export function addExportCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  const command = exportCommand().copyInheritedSettings(program);
  program.addCommand(
    command.action(async (values: ExportOptionValues) => {
      const parsed = exportArgsFrom(values);
      if (typeof parsed === 'string') refuse(command, parsed);
      exitWith(
        await onWorkflow(async (app) => {
          const clock = app.get<Clock>(CLOCK);
          const actor = parsed.token === undefined ? cliActor() : actorOfToken(app, parsed.token);
          if (typeof actor === 'string') refuse(command, actor);
          const deps = {
            exports: app.get(AuditExports),
            now: () => clock.now(),
            actor,
          };
          return runExportCommand(deps, parsed, print);
        }),
      );
    }),
  );
}
