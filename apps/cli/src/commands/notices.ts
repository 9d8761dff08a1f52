import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { NoticeOperations } from '@libs/workflow';
import type { CliContext } from './cli-context';
import { refuse } from './refuse';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLI_ACTOR = { id: 'cli', role: 'operator' } as const;

/** `notices parked` and `notices retry <notice-id>`: the notices whose delivery to the portal was given up. */
export function addNoticesCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  const notices = program.command('notices').description('notices to applicants whose delivery to the portal stopped');
  notices
    .command('parked')
    .description('the notices parked after KANDAS_NOTICE_MAX_ATTEMPTS failed deliveries, with their last error')
    .action(async () => {
      exitWith(
        await onWorkflow(async (app) => {
          const parked = app.get(NoticeOperations).parked('', 100_000);
          if (parked.length === 0) print('No parked notices.');
          for (const row of parked) {
            print(`${row.noticeId}  ${row.kind}  application ${row.applicationId}  parked ${row.parkedAt ?? ''}`);
            print(`    after ${row.failedAttempts} attempt(s): ${row.lastError ?? ''}`);
          }
          return 0;
        }),
      );
    });
  const retry = notices
    .command('retry')
    .description('send a parked notice back to the delivery queue, with a fresh allowance of attempts')
    .argument('<notice-id>', 'the parked notice (a UUID, as `notices parked` lists it)')
    .action(async (noticeId: string) => {
      if (!UUID.test(noticeId)) refuse(retry, `<notice-id> must be a UUID, got "${noticeId}"`);
      exitWith(
        await onWorkflow(async (app) => {
          const commandId = randomUUID();
          const outcome = await app.get(NoticeOperations).retry(noticeId, CLI_ACTOR, commandId, commandId);
          print(`Notice ${noticeId} is back in the delivery queue (${outcome.streamId}@${outcome.revision}).`);
          return 0;
        }),
      );
    });
}
