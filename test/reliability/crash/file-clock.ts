import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Clock } from '@libs/event-sourcing';

/**
 * The crash test's clock: `now()` reads an ISO-8601 instant from a file the test writes, so the test
 * moves the server's time (across restarts too) and nothing waits for wall time. The last instant
 * read is kept in case the file cannot be read for a moment; the writer replaces it atomically.
 */
export class FileClock implements Clock {
  private last: Date | undefined;

  constructor(private readonly file: string) {}

  now(): Date {
    try {
      const instant = new Date(readFileSync(this.file, 'utf8').trim());
      if (!Number.isNaN(instant.getTime())) this.last = instant;
    } catch (error) {
      if (this.last === undefined) throw error;
    }
    if (this.last === undefined) throw new Error(`FileClock: ${this.file} holds no ISO instant`);
    return new Date(this.last.getTime());
  }
}

/** Sets the instant a FileClock reads: written beside the file, then renamed over it (atomic). */
export function writeClockFile(file: string, instant: string): void {
  if (Number.isNaN(Date.parse(instant))) throw new Error(`not an ISO instant: ${instant}`);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${instant}\n`);
  renameSync(temporary, file);
}
