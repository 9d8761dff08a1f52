import { INestApplicationContext } from '@nestjs/common';
import { DeadLetterOperations } from '@libs/workflow';

type Print = (line: string) => void;

const HELP = `Usage: npm run cli -- <command>

  dead-letters list [--all]      events the review saga parked (with --all, also the resolved ones)
  dead-letters retry <event-id>  run a parked event through the saga again
  help                           this text`;

/** Parses the arguments and runs one command; returns the process exit code. */
export async function runCommand(app: INestApplicationContext, argv: readonly string[], print: Print): Promise<number> {
  const [group, action, ...rest] = argv;
  if (group === 'dead-letters' && action === 'list') return listDeadLetters(app, rest.includes('--all'), print);
  if (group === 'dead-letters' && action === 'retry' && rest[0]) return retryDeadLetter(app, rest[0], print);
  print(HELP);
  return group === 'help' || group === undefined ? 0 : 2;
}

async function listDeadLetters(app: INestApplicationContext, all: boolean, print: Print): Promise<number> {
  const letters = await app.get(DeadLetterOperations).list(all ? 'all' : 'parked');
  if (letters.length === 0) print('No parked events.');
  for (const l of letters) {
    print(`${l.status.padEnd(8)} ${l.eventId}  ${l.type} ${l.streamId}@${l.position}  attempts=${l.attempts}  parked ${l.parkedAt}`);
    print(`         ${l.error.code ?? l.error.name}: ${l.error.message}`);
  }
  return 0;
}

async function retryDeadLetter(app: INestApplicationContext, eventId: string, print: Print): Promise<number> {
  const outcome = await app.get(DeadLetterOperations).retry(eventId);
  if (outcome.kind === 'done') {
    print(`Resolved ${eventId}: ${outcome.commands} command(s) executed.`);
    return 0;
  }
  print(`Still failing, parked again: ${(outcome.error as Error).message}`);
  return 1;
}
