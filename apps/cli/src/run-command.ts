import { INestApplicationContext } from '@nestjs/common';
import { dirname } from 'node:path';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import { AuditTrail, DeadLetterOperations, RUNTIME_CONFIG, runAuditCommand } from '@libs/workflow';
import { verifySqliteEventStore } from '@infra/audit/tamper-evidence/verify-sqlite-store';
import type { RuntimeConfig } from '@infra/config/runtime-config';
import { jwtSettings } from '@libs/auth';
import { Role, ROLES } from '@libs/auth';
import { mintToken } from '@libs/auth';
import { runSeedCommand } from './seed/seed-command';

type Print = (line: string) => void;

const HELP = `Usage: npm run cli -- <command>

  token <role> [user-id] [--ttl <hours>]
                                 mint a bearer token for local use (roles: portal, operator, reviewer,
                                 supervisor, auditor, admin)
  verify                         recompute the hash chains of the SQLite event store; name the first broken link
  dead-letters list [--all]      events the review saga parked (with --all, also the resolved ones)
  dead-letters retry <event-id>  run a parked event through the saga again
  seed [--applications N] [--seed S] [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--force]
                                 load demo data (default 400 applications over 2026) into an empty store
  history <application-id>       every event of the application, one line each (position, revision, type,
                                 occurredAt, actor, command id)
  correlation <correlation-id>   everything one correlation caused, across streams, in global order
  as-of <application-id> (--at <instant> | --revision <n>)
                                 the application's state then (--at compares the events' recordedAt)
  diff <application-id> <from> <to>
                                 events and changed fields between two revisions or instants
  help                           this text`;

/** Parses the arguments and runs one command; returns the process exit code. */
export async function runCommand(app: INestApplicationContext, argv: readonly string[], print: Print): Promise<number> {
  const [group, action, ...rest] = argv;
  if (group === 'token') return mint(app, action, rest, print);
  if (group === 'verify') return verify(app, print);
  if (group === 'dead-letters' && action === 'list') return listDeadLetters(app, rest.includes('--all'), print);
  if (group === 'dead-letters' && action === 'retry' && rest[0]) return retryDeadLetter(app, rest[0], print);
  // The seed runs the workflow with its subscriptions and a simulated clock, in its own context.
  if (group === 'seed') return runSeedCommand(argv.slice(1), print);
  if (group === 'history' || group === 'correlation' || group === 'as-of' || group === 'diff') {
    const code = await runAuditCommand(app.get(AuditTrail), argv, print);
    if (code !== null) return code;
  }
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

/** The dev key lives beside the read models, as the service finds it; KANDAS_JWT_SECRET wins when set. */
function mint(app: INestApplicationContext, role: string | undefined, rest: readonly string[], print: Print): number {
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    print(`token needs a role: ${ROLES.join(', ')}`);
    return 2;
  }
  const ttlAt = rest.indexOf('--ttl');
  const hours = ttlAt >= 0 ? Number(rest[ttlAt + 1]) : 8;
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) {
    print('--ttl must be a number of hours, at most 720');
    return 2;
  }
  const userId = rest.find((arg, i) => !arg.startsWith('--') && rest[i - 1] !== '--ttl') ?? `${role}-1`;
  const dataDir = dirname(process.env.KANDAS_READ_MODELS_FILE || './data/read-models.sqlite');
  print(mintToken(jwtSettings(process.env, dataDir), { id: userId, role: role as Role }, app.get<Clock>(CLOCK).now(), hours * 3600));
  return 0;
}

async function verify(app: INestApplicationContext, print: Print): Promise<number> {
  const config = app.get<RuntimeConfig>(RUNTIME_CONFIG);
  if (config.eventStore !== 'sqlite') {
    print(`verify needs the embedded SQLite store; this configuration uses ${config.eventStore}`);
    return 2;
  }
  const result = await verifySqliteEventStore(config.eventsFile);
  if (result.ok) {
    print(`OK: ${result.events} events verified; chain head ${result.lastChainHash ?? '(empty store)'}`);
    return 0;
  }
  const link = result.firstBrokenLink;
  print(`BROKEN after ${result.eventsChecked} good events: ${link.kind} at position ${link.position} (${link.streamId}@${link.revision}, event ${link.eventId})`);
  print(`  expected ${link.expected}`);
  print(`  actual   ${link.actual}`);
  return 1;
}
