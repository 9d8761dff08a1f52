import { Command, Option } from 'commander';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock, EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import { grantDisclosure, InvalidExportRequestError, MAX_GRANT_DAYS } from '@libs/workflow';
import type { ExportSelection } from '@libs/workflow';
import type { CliContext } from './cli-context';
import { actorOfToken } from './cli-reader';
import { refuse } from './refuse';

interface GrantOptionValues {
  readonly token: string;
  readonly grantee: string;
  readonly stream?: string;
  readonly correlation?: string;
  readonly from?: string;
  readonly to?: string;
  readonly reason: string;
  readonly expires: string;
}

function selectionOf({ stream, correlation, from, to }: GrantOptionValues): ExportSelection | string {
  const kinds = [stream !== undefined, correlation !== undefined, from !== undefined || to !== undefined];
  if (kinds.filter(Boolean).length !== 1) return 'give exactly one of --stream, --correlation, --from/--to';
  if (stream !== undefined) return { stream };
  if (correlation !== undefined) return { correlationId: correlation };
  if (from === undefined || to === undefined) return '--from and --to go together';
  return { from, to };
}

/**
 * `grant-disclosure`: an admin allows one auditor one export in clear. The CLI has no login, so the
 * admin proves who they are with their bearer token, verified with the service's JWT key; the
 * grant is recorded as DisclosureGranted and its id printed for the auditor's `export --grant`.
 */
export function addGrantDisclosureCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  const command = program
    .command('grant-disclosure')
    .description(
      `as an admin, allow one auditor one export in clear of exactly this selection, until --expires (at most ${MAX_GRANT_DAYS} days); recorded as DisclosureGranted, prints the grant id`,
    )
    .addOption(
      new Option(
        '--token <admin-bearer-token>',
        'your admin token (npm run cli -- token admin <id>)',
      ).makeOptionMandatory(),
    )
    .addOption(new Option('--grantee <user-id>', 'the auditor who may use the grant').makeOptionMandatory())
    .option('--stream <id>', 'the export covers every event of this stream')
    .option('--correlation <id>', 'the export covers everything this correlation caused')
    .option('--from <instant>', 'the export covers events whose occurredAt is at or after this (with --to)')
    .option('--to <instant>', 'the export covers events whose occurredAt is before this (with --from)')
    .addOption(new Option('--reason <text>', 'why personal data may leave in clear').makeOptionMandatory())
    .addOption(new Option('--expires <instant>', 'ISO-8601 instant the grant ends').makeOptionMandatory());
  command.action(async (values: GrantOptionValues) => {
    const selection = selectionOf(values);
    if (typeof selection === 'string') refuse(command, selection);
    exitWith(
      await onWorkflow(async (app) => {
        const admin = actorOfToken(app, values.token);
        if (typeof admin === 'string') refuse(command, admin);
        if (admin.role !== 'admin') refuse(command, `--token names a ${admin.role}: only an admin grants a disclosure`);
        try {
          const grant = await grantDisclosure(app.get<EventStore>(EVENT_STORE), app.get<Clock>(CLOCK).now(), admin, {
            grantee: values.grantee,
            selection,
            reason: values.reason,
            expiresAt: values.expires,
          });
          print(grant.grantId);
          return 0;
        } catch (error) {
          if (error instanceof InvalidExportRequestError) refuse(command, error.message);
          throw error;
        }
      }),
    );
  });
}
