import { rebuildReadModels, RebuildOptions, RebuildProgress, RebuildResult } from './rebuild-read-models';

export interface RebuildOutput {
  /** Prints a whole line. */
  readonly print: (line: string) => void;
  /** Rewrites the current line in place (`\r`); given only when the output is a terminal. */
  readonly rewrite?: (text: string) => void;
}

export const REBUILD_NOTE =
  'Note: stop the service while rebuilding the read models it serves (its subscriptions write the same tables), ' +
  'or run the rebuild against a copy of the read-models file (KANDAS_READ_MODELS_FILE). Only projections run: no saga acts.';

const BAR_WIDTH = 30;

/** `[#########.....]  31%  12,000/38,400 events  4,210 ev/s  ETA 6s` */
export function formatRebuildProgress(p: RebuildProgress): string {
  const fraction = p.total === 0 ? 1 : Math.min(1, p.processed / p.total);
  const filled = Math.round(fraction * BAR_WIDTH);
  const eta = p.etaSeconds === null ? 'ETA ?' : `ETA ${formatSeconds(p.etaSeconds)}`;
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${p.processed.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} events  ${Math.round(p.ratePerSecond).toLocaleString('en-US')} ev/s  ${eta}`;
}

function formatSeconds(seconds: number): string {
  const s = Math.ceil(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/**
 * `rebuild`: replays every read model from the events, with a progress bar (in place on a terminal,
 * one line per 10% otherwise), then prints each table's digest. Returns the exit code.
 */
export async function runRebuildCommand(
  deps: Omit<RebuildOptions, 'onProgress'>,
  output: RebuildOutput,
): Promise<{ code: number; result: RebuildResult }> {
  const { print, rewrite } = output;
  print(REBUILD_NOTE);
  let lastDecile = -1;
  let lastWidth = 0;
  const onProgress = (p: RebuildProgress): void => {
    const line = formatRebuildProgress(p);
    if (rewrite) {
      rewrite(`\r${line.padEnd(lastWidth)}`);
      lastWidth = line.length;
      return;
    }
    const decile = p.total === 0 ? 10 : Math.floor((p.processed / p.total) * 10);
    if (decile > lastDecile && (decile > 0 || p.phase === 'done')) {
      lastDecile = decile;
      print(line);
    }
  };
  const result = await rebuildReadModels({ ...deps, onProgress });
  if (rewrite) rewrite('\n');
  print(`Rebuilt ${Object.keys(result.digests).length} tables from ${result.events} events (head ${result.head ?? 'none'}) in ${result.seconds.toFixed(2)}s`);
  const width = Math.max(...Object.keys(result.digests).map((t) => t.length));
  for (const [table, digest] of Object.entries(result.digests)) print(`  ${table.padEnd(width)}  sha256 ${digest}`);
  return { code: 0, result };
}
