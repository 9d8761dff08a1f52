import { Command, InvalidArgumentError, Option } from 'commander';
import { AuditTrail, boundFromArg, printCorrelation, printDiff, printStateAsOf } from '@libs/workflow';
import type { PointInTime } from '@libs/workflow';
import type { CliContext } from './cli-context';
import { refuse } from './refuse';
import { printHistoryAs, withHistoryOptions, type StoryOptions } from './story';

function revision(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('--revision must be a whole number');
  return Number(value);
}

/** The auditors' commands: `history`, `correlation`, `as-of`, `diff` (IINs masked, as over HTTP); `decision` is in story.ts. */
export function addAuditCommands(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  const onTrail = (use: (audit: AuditTrail) => Promise<number>) => onWorkflow((app) => use(app.get(AuditTrail)));
  withHistoryOptions(
    program
      .command('history')
      .description(
        'every event of the application as a numbered sentence in Almaty time, with the actor and what happened (no personal data); --raw: one technical line per event (position, revision, type, occurredAt, actor, command id)',
      )
      .argument('<application-id>'),
  ).action(async (id: string, options: StoryOptions) => {
    exitWith(await onWorkflow((app) => printHistoryAs(app, id, options, print)));
  });
  program
    .command('correlation')
    .description('everything one correlation caused, across streams, in global order')
    .argument('<correlation-id>')
    .action(async (id: string) => {
      exitWith(await onTrail((audit) => printCorrelation(audit, id, print)));
    });
  program
    .command('as-of')
    .description(
      "the application's state then (--at compares the events' occurredAt, the service's clock); give --at or --revision",
    )
    .argument('<application-id>')
    .addOption(new Option('--at <instant>', 'an ISO-8601 instant').conflicts('revision'))
    .addOption(new Option('--revision <n>', 'a revision of the stream').argParser(revision))
    .action(async (id: string, options: { at?: string; revision?: number }, command: Command) => {
      const point: PointInTime | undefined =
        options.revision !== undefined
          ? { revision: options.revision }
          : options.at !== undefined
            ? { at: options.at }
            : undefined;
      if (point === undefined) refuse(command, 'as-of needs --at <instant> or --revision <n>');
      exitWith(await onTrail((audit) => printStateAsOf(audit, id, point, print)));
    });
  program
    .command('diff')
    .description('events and changed fields between two revisions or instants (a whole number is a revision)')
    .argument('<application-id>')
    .argument('<from>', 'revision or instant')
    .argument('<to>', 'revision or instant')
    .action(async (id: string, from: string, to: string) => {
      exitWith(await onTrail((audit) => printDiff(audit, id, boundFromArg(from), boundFromArg(to), print)));
    });
}
