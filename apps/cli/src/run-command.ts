import { INestApplicationContext } from '@nestjs/common';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import { runExportCommand } from '@libs/workflow';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import { AuditTrail, DeadLetterOperations, READ_MODELS_DB, RUNTIME_CONFIG, runAuditCommand, runRebuildCommand } from '@libs/workflow';
import type { CheckpointStore, EventStore, EventTypeRegistry } from '@libs/event-sourcing';
import { CHECKPOINT_STORE, EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import type Database from 'better-sqlite3';
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
  export (--stream <id> | --correlation <id> | --from <instant> --to <instant>) [--format jsonl|csv]
         [--unmask --granted-by <admin-id> --reason <text>] [--out <file>]
                                 events with full metadata as JSON Lines or CSV; IINs and names masked
                                 unless --unmask (recorded as PersonalDataDisclosed in audit-disclosures)
  rebuild                        replay every read model from the events (stop the service first, or point
                                 KANDAS_READ_MODELS_FILE at a copy); prints each table's digest
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
  if (group === 'rebuild') return rebuild(app, print);
  if (group === 'history' || group === 'correlation' || group === 'as-of' || group === 'diff') {
    const code = await runAuditCommand(app.get(AuditTrail), argv, print);
    if (code !== null) return code;
  }
  if (group === 'export') return exportEvents(app, argv.slice(1), print);
  print(HELP);
  return group === 'help' || group === undefined ? 0 : 2;
}

/** Only projections run: this process runs no saga (runSubscriptions: false), so nothing is appended. */
async function rebuild(app: INestApplicationContext, print: Print): Promise<number> {
  const tty = process.stdout.isTTY === true;
  const { code } = await runRebuildCommand(
    {
      store: app.get<EventStore>(EVENT_STORE),
      registry: app.get<EventTypeRegistry>(EVENT_TYPE_REGISTRY),
      db: app.get<Database.Database>(READ_MODELS_DB),
      checkpoints: app.get<CheckpointStore>(CHECKPOINT_STORE),
    },
    { print, rewrite: tty ? (text) => void process.stdout.write(text) : undefined },
  );
  return code;
}

/** The CLI has no login: the export is recorded as requested by the operating-system user. */
function exportEvents(app: INestApplicationContext, args: readonly string[], print: Print): Promise<number> {
  const store = app.get<EventStore>(EVENT_STORE);
  const registry = app.get<EventTypeRegistry>(EVENT_TYPE_REGISTRY);
  const clock = app.get<Clock>(CLOCK);
  return runExportCommand({ store, registry, now: () => clock.now(), actor: { id: `cli:${userInfo().username}`, role: 'cli' } }, args, print);
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
