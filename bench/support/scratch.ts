import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Benchmarks write their files here (ignored by git), on the same disk as a real deployment's ./data. */
export const BENCH_DATA = join(__dirname, '..', '.data');

/** A fresh folder under bench/.data, removed by `dispose()`. */
export function scratchDir(name: string): { readonly dir: string; dispose(): void } {
  mkdirSync(BENCH_DATA, { recursive: true });
  const dir = mkdtempSync(join(BENCH_DATA, `${name}-`));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `--quick` (or KANDAS_BENCH_QUICK=1): tiny sizes, to check that a workload runs, not to measure it. */
export function isQuick(): boolean {
  return process.argv.includes('--quick') || process.env.KANDAS_BENCH_QUICK === '1';
}
