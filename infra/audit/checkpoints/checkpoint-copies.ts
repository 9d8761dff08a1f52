import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SignedCheckpoint } from '@libs/workflow';

/** Somewhere a copy of every checkpoint goes, beyond the local log: a witness the service cannot rewrite. */
export interface CheckpointCopy {
  /** Names the copy in logs and metrics ('directory', 'witness'). */
  readonly name: string;
  write(checkpoint: SignedCheckpoint): Promise<void>;
}

/**
 * One file per checkpoint in a directory (a volume another party keeps), created exclusively: a file
 * of that name already there is an error, never overwritten. The name sorts in position order.
 */
export class DirectoryCheckpointCopy implements CheckpointCopy {
  readonly name = 'directory';

  constructor(readonly directory: string) {}

  async write(checkpoint: SignedCheckpoint): Promise<void> {
    mkdirSync(this.directory, { recursive: true });
    const instant = checkpoint.signedAt.replace(/[:.]/g, '-');
    const file = join(this.directory, `checkpoint-${checkpoint.position.padStart(20, '0')}-${instant}.json`);
    const fd = openSync(file, 'wx', 0o444);
    try {
      writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/** How long the witness may take to take a checkpoint before the attempt counts as failed. */
const WITNESS_TIMEOUT_MS = 5_000;

/** POSTs each checkpoint as JSON to an external witness; anything but a 2xx answer is a failure. */
export class HttpWitnessCheckpointCopy implements CheckpointCopy {
  readonly name = 'witness';

  constructor(readonly url: string) {}

  async write(checkpoint: SignedCheckpoint): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(checkpoint),
      signal: AbortSignal.timeout(WITNESS_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`the witness answered ${response.status} ${response.statusText}`);
  }
}
