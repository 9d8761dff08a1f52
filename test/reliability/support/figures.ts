import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the reliability tests leave the figures of their last run (docs/reliability.md quotes them). */
export const LAST_RUN_DIR = join(__dirname, '..', '.last-run');

/** Records what a reliability test measured: printed, and kept in test/reliability/.last-run/<name>.json. */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  mkdirSync(LAST_RUN_DIR, { recursive: true });
  const entry = { test: name, at: new Date().toISOString(), ...figures };
  writeFileSync(join(LAST_RUN_DIR, `${name}.json`), `${JSON.stringify(entry, null, 2)}\n`);
  process.stdout.write(`[reliability] ${name}: ${JSON.stringify(figures)}\n`);
}
