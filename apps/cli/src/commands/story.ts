import type { INestApplicationContext } from '@nestjs/common';
import { Command, Option } from 'commander';
import {
  ApplicationStory,
  AuditTrail,
  DEFAULT_TIMELINE_LANGUAGE,
  printDecision,
  printHistory,
  printTimeline,
  TIMELINE_LANGUAGES,
  type TimelineLanguage,
} from '@libs/workflow';
import type { CliContext } from './cli-context';

export interface StoryOptions {
  readonly lang: TimelineLanguage;
  readonly json?: boolean;
  readonly raw?: boolean;
}

const languageOption = () =>
  new Option('--lang <language>', 'the language of the sentences')
    .choices(TIMELINE_LANGUAGES)
    .default(DEFAULT_TIMELINE_LANGUAGE);

/** The `history` command's options: the language, and `--raw` / `--json` for the other shapes. */
export function withHistoryOptions(command: Command): Command {
  return command
    .addOption(languageOption())
    .addOption(new Option('--raw', 'one technical line per event, IINs masked').conflicts('json'))
    .option('--json', 'the sentences with each event’s metadata, as JSON (the event data left out)');
}

/** Prints the history: numbered sentences, their JSON, or (`--raw`) the technical lines. */
export function printHistoryAs(
  app: INestApplicationContext,
  id: string,
  options: StoryOptions,
  print: (line: string) => void,
): Promise<number> {
  return options.raw
    ? printHistory(app.get(AuditTrail), id, print)
    : printTimeline(app.get(ApplicationStory), id, { language: options.lang, json: options.json }, print);
}

/** `decision`: who decided, when, on what grounds, under which calendar and MCI, and whether it was on time. */
export function addDecisionCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  program
    .command('decision')
    .description(
      "the application's decision in one answer: outcome, who decided and when (Almaty time), decision number, grounds with their labels, subsidies and the MCI, the due date, its calendar version and whether it was met; undecided: the status and the due date",
    )
    .argument('<application-id>')
    .addOption(languageOption())
    .option('--json', 'the whole answer as JSON, as GET /audit/applications/:id/decision gives it')
    .action(async (id: string, options: StoryOptions) => {
      exitWith(
        await onWorkflow((app) =>
          printDecision(app.get(ApplicationStory), id, { language: options.lang, json: options.json }, print),
        ),
      );
    });
}
