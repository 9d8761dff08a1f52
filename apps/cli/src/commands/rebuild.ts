import { Command } from 'commander';
import type Database from 'better-sqlite3';
import type { CheckpointStore, EventStore, EventTypeRegistry } from '@libs/event-sourcing';
import { CHECKPOINT_STORE, EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { READ_MODELS_DB } from '@libs/workflow';
import { runRebuildCommand } from '@apps/composition-root';
import type { CliContext } from './cli-context';

/** Only projections run: this process runs no saga (runSubscriptions: false), so nothing is appended. */
export function addRebuildCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  program
    .command('rebuild')
    .description(
      'replay every read model from the events (stop the service first, or point KANDAS_READ_MODELS_FILE at a copy); ' +
        "prints each table's digest",
    )
    .action(async () => {
      exitWith(
        await onWorkflow(async (app) => {
          const deps = {
            store: app.get<EventStore>(EVENT_STORE),
            registry: app.get<EventTypeRegistry>(EVENT_TYPE_REGISTRY),
            db: app.get<Database.Database>(READ_MODELS_DB),
            checkpoints: app.get<CheckpointStore>(CHECKPOINT_STORE),
          };
          const { code } = await runRebuildCommand(deps, {
            print,
            terminal: process.stderr.isTTY === true ? process.stderr : undefined,
          });
          return code;
        }),
      );
    });
}
