import type { CheckpointLog, SignedCheckpoint } from '@libs/workflow';
import { checkpointSigningText } from '@libs/workflow';
import type { ServiceSigningKey } from '@libs/auth';

/** A checkpoint log held in memory, for the specs that need one without the anchoring service. */
export class InMemoryCheckpointLog implements CheckpointLog {
  private readonly checkpoints: SignedCheckpoint[] = [];

  latest(): Promise<SignedCheckpoint | undefined> {
    return Promise.resolve(this.checkpoints[this.checkpoints.length - 1]);
  }

  append(checkpoint: SignedCheckpoint): Promise<void> {
    this.checkpoints.push(checkpoint);
    return Promise.resolve();
  }
}

/** A checkpoint of the given head, signed with the key as the service signs one. */
export function signedCheckpoint(
  key: ServiceSigningKey,
  head: { position: string; events: number; headHash: string },
  signedAt: string,
): SignedCheckpoint {
  const unsigned = { version: 1 as const, store: 'sqlite', ...head, signedAt, trigger: 'on-demand', keyId: key.keyId };
  return { ...unsigned, signature: key.sign(checkpointSigningText(unsigned)) };
}
