import { Command } from 'commander';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import { AUDIT_ACCESS_STREAM, verifyAccessChain } from '@libs/workflow';
import type { CliContext } from './cli-context';

/** `verify-access`: the auditors' own reads, checked as a hash chain; exit 1 names the broken record. */
export function addVerifyAccessCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  program
    .command('verify-access')
    .description(
      `recompute the hash chain of the auditors' recorded reads (${AUDIT_ACCESS_STREAM}, on any store); name the first broken record`,
    )
    .action(async () => {
      exitWith(
        await onWorkflow(async (app) => {
          const result = await verifyAccessChain(app.get<EventStore>(EVENT_STORE));
          if (result.ok) {
            print(`OK: ${result.reads} recorded read(s) verified; chain head ${result.head ?? '(none yet)'}`);
            return 0;
          }
          const { revision, eventId, reason } = result.brokenAt;
          print(
            `BROKEN after ${result.readsChecked} good record(s): ${AUDIT_ACCESS_STREAM}@${revision} (event ${eventId}): ${reason}`,
          );
          return 1;
        }),
      );
    });
}
