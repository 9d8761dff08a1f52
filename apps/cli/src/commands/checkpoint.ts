import { Command } from 'commander';
import { CheckpointDivergesError, CheckpointSigner, NothingToCheckpointError, RUNTIME_CONFIG } from '@libs/workflow';
import type { RuntimeConfig } from '@infra/config/runtime-config';
import type { CliContext } from './cli-context';
import { publicKeyFileOf } from './verify';

/** `checkpoint`: signs the store's chain head now and appends it to the checkpoint log (and its copies). */
export function addCheckpointCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  program
    .command('checkpoint')
    .description(
      "sign the event store's chain head now with the service key and append it to the checkpoint log " +
        '(KANDAS_CHECKPOINT_LOG, and KANDAS_CHECKPOINT_DIR / KANDAS_CHECKPOINT_WITNESS_URL when set); ' +
        'prints the checkpoint and where the public key that checks it is; refuses (exit 1) when the store no longer ' +
        'holds the head of the latest checkpoint (ADR 24)',
    )
    .action(async () => {
      exitWith(
        await onWorkflow(async (app) => {
          const config = app.get<RuntimeConfig>(RUNTIME_CONFIG);
          try {
            const checkpoint = await app.get(CheckpointSigner).signNow('on-demand');
            print(
              `Signed checkpoint: position ${checkpoint.position}, ${checkpoint.events} events, head ${checkpoint.headHash}`,
            );
            print(`  at ${checkpoint.signedAt} by ${checkpoint.keyId}, appended to ${config.checkpoints.logFile}`);
            print(`Public key: ${publicKeyFileOf(config)}`);
            return 0;
          } catch (error) {
            if (error instanceof CheckpointDivergesError) {
              print(error.message);
              return 1;
            }
            if (!(error instanceof NothingToCheckpointError)) throw error;
            print(`Nothing signed: ${error.message}`);
            return 1;
          }
        }),
      );
    });
}
