import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CheckpointLog, SignedCheckpoint } from '@libs/workflow';

/** Bytes read from the end of the log per attempt to find its last line (a checkpoint is ~400 bytes). */
const TAIL_BYTES = 16 * 1024;

/**
 * The local checkpoint log: one JSON object per line, appended with O_APPEND and fsync'd before
 * `append` returns, so an acknowledged checkpoint survives a power cut and nothing earlier is ever
 * rewritten. `latest()` reads only the end of the file; a torn last line (a crash mid-write) is
 * passed over for the one before it.
 */
export class JsonLinesCheckpointLog implements CheckpointLog {
  constructor(readonly file: string) {}

  async append(checkpoint: SignedCheckpoint): Promise<void> {
    mkdirSync(dirname(this.file), { recursive: true });
    const fd = openSync(this.file, 'a', 0o644);
    try {
      writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  async latest(): Promise<SignedCheckpoint | undefined> {
    if (!existsSync(this.file)) return undefined;
    const size = statSync(this.file).size;
    const fd = openSync(this.file, 'r');
    try {
      for (let span = Math.min(size, TAIL_BYTES); span > 0; span = Math.min(size, span * 4)) {
        const buffer = Buffer.alloc(span);
        readSync(fd, buffer, 0, span, size - span);
        const lines = buffer.toString('utf8').split('\n');
        // The first line of a partial read may be cut: it counts only when the read began at byte 0.
        const whole = span === size ? lines : lines.slice(1);
        for (let index = whole.length - 1; index >= 0; index--) {
          const checkpoint = parseCheckpoint(whole[index]!);
          if (checkpoint) return checkpoint;
        }
        if (span === size) return undefined;
      }
      return undefined;
    } finally {
      closeSync(fd);
    }
  }
}

/** A line of a checkpoint log, or undefined when it is not one (blank, torn, foreign). */
export function parseCheckpoint(line: string): SignedCheckpoint | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value = JSON.parse(line) as Partial<SignedCheckpoint>;
    const fields = ['store', 'position', 'headHash', 'signedAt', 'trigger', 'keyId', 'signature'] as const;
    if (value.version !== 1 || typeof value.events !== 'number') return undefined;
    return fields.every((field) => typeof value[field] === 'string') ? (value as SignedCheckpoint) : undefined;
  } catch {
    return undefined;
  }
}
