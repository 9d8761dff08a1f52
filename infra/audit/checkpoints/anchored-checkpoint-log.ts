import { Logger } from '@nestjs/common';
import type { CheckpointLog, SignedCheckpoint } from '@libs/workflow';
import type { CheckpointCopy } from './checkpoint-copies';
import { JsonLinesCheckpointLog } from './json-lines-checkpoint-log';

/** Copies written and failed, per copy: /metrics reads them. */
export interface CheckpointCopyCounts {
  readonly written: number;
  readonly failed: number;
}

/**
 * The checkpoint log the service writes: the local JSON-lines log first (its failure fails the
 * checkpoint), then every configured copy. A copy that fails is logged and counted, never retried
 * in the way of the next checkpoint, and never costs the local line: a witness that is down loses
 * only its own copies. `latest()` reads the local log.
 */
export class AnchoredCheckpointLog implements CheckpointLog {
  private readonly logger = new Logger('CheckpointLog');
  private readonly counts = new Map<string, { written: number; failed: number }>();

  constructor(
    readonly local: JsonLinesCheckpointLog,
    private readonly copies: readonly CheckpointCopy[] = [],
  ) {
    for (const copy of copies) this.counts.set(copy.name, { written: 0, failed: 0 });
  }

  latest(): Promise<SignedCheckpoint | undefined> {
    return this.local.latest();
  }

  async append(checkpoint: SignedCheckpoint): Promise<void> {
    await this.local.append(checkpoint);
    await Promise.all(
      this.copies.map(async (copy) => {
        const count = this.counts.get(copy.name)!;
        try {
          await copy.write(checkpoint);
          count.written++;
        } catch (error) {
          count.failed++;
          this.logger.warn(
            `Checkpoint at position ${checkpoint.position} kept locally but not copied to the ${copy.name}: ${(error as Error).message}`,
          );
        }
      }),
    );
  }

  copyCounts(): ReadonlyMap<string, CheckpointCopyCounts> {
    return this.counts;
  }
}
