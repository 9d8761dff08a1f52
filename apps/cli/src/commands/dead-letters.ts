import { Command } from 'commander';
import { DeadLetterOperations } from '@libs/workflow';
import type { CliContext } from './cli-context';

type Print = (line: string) => void;

/** `dead-letters list [--all]` and `dead-letters retry <event-id>`: the events the review saga parked. */
export function addDeadLettersCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  const deadLetters = program.command('dead-letters').description('events the review saga parked');
  deadLetters
    .command('list')
    .description('the parked events')
    .option('--all', 'also the resolved ones')
    .action(async (options: { all?: true }) => {
      exitWith(await onWorkflow((app) => list(app.get(DeadLetterOperations), options.all === true, print)));
    });
  deadLetters
    .command('retry')
    .description('run a parked event through the saga again')
    .argument('<event-id>', 'the parked event')
    .action(async (eventId: string) => {
      exitWith(await onWorkflow((app) => retry(app.get(DeadLetterOperations), eventId, print)));
    });
}

async function list(operations: DeadLetterOperations, all: boolean, print: Print): Promise<number> {
  const letters = await operations.list(all ? 'all' : 'parked');
  if (letters.length === 0) print('No parked events.');
  for (const l of letters) {
    print(
      `${l.status.padEnd(8)} ${l.eventId}  ${l.type} ${l.streamId}@${l.position}  attempts=${l.attempts}  parked ${l.parkedAt}`,
    );
    print(`         ${l.error.code ?? l.error.name}: ${l.error.message}`);
  }
  return 0;
}

async function retry(operations: DeadLetterOperations, eventId: string, print: Print): Promise<number> {
  const outcome = await operations.retry(eventId);
  if (outcome.kind === 'done') {
    print(`Resolved ${eventId}: ${outcome.commands} command(s) executed.`);
    return 0;
  }
  print(`Still failing, parked again: ${(outcome.error as Error).message}`);
  return 1;
}
