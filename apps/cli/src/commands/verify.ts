import { Command } from 'commander';
import { RUNTIME_CONFIG } from '@libs/workflow';
import { verifySqliteEventStore } from '@infra/audit/tamper-evidence/verify-sqlite-store';
import type { RuntimeConfig } from '@infra/config/runtime-config';
import type { CliContext } from './cli-context';

type Print = (line: string) => void;

/** `verify`: recomputes the hash chains of the SQLite event store; exit 1 names the first broken link. */
export function addVerifyCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  program
    .command('verify')
    .description('recompute the hash chains of the SQLite event store; name the first broken link')
    .action(async () => {
      exitWith(await onWorkflow((app) => verify(app.get<RuntimeConfig>(RUNTIME_CONFIG), print)));
    });
}

async function verify(config: RuntimeConfig, print: Print): Promise<number> {
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
  print(
    `BROKEN after ${result.eventsChecked} good events: ${link.kind} at position ${link.position} (${link.streamId}@${link.revision}, event ${link.eventId})`,
  );
  print(`  expected ${link.expected}`);
  print(`  actual   ${link.actual}`);
  return 1;
}
