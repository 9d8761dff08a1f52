import { Presets, SingleBar } from 'cli-progress';
import { rebuildReadModels, RebuildOptions, RebuildProgress, RebuildResult } from './rebuild-read-models';

export interface RebuildOutput {
  /** Prints a whole line. */
  readonly print: (line: string) => void;
  /** A terminal to draw the progress bar on (cli-progress); without one, a progress line per 10%. */
  readonly terminal?: NodeJS.WritableStream;
}

export const REBUILD_NOTE =
  'Note: stop the service while rebuilding the read models it serves (its subscriptions write the same tables), ' +
  'or run the rebuild against a copy of the read-models file (KANDAS_READ_MODELS_FILE). Only projections run: no saga acts.';

const BAR_WIDTH = 30;

/** A plain progress line: `[#########.....]  31%  12,000/38,400 events  4,210 ev/s  ETA 6s` */
function formatRebuildProgress(p: RebuildProgress): string {
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
 * `rebuild`: replays every read model from the events, with a progress bar on a terminal or one
 * progress line per 10% otherwise (for logs and CI), then prints each table's digest. Returns the
 * exit code.
 */
export async function runRebuildCommand(
  deps: Omit<RebuildOptions, 'onProgress'>,
  output: RebuildOutput,
): Promise<{ code: number; result: RebuildResult }> {
  const { print, terminal } = output;
  print(REBUILD_NOTE);
  const progress = terminal ? progressBar(terminal) : progressLines(print);
  let result: RebuildResult;
  try {
    result = await rebuildReadModels({ ...deps, onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
  print(
    `Rebuilt ${Object.keys(result.digests).length} tables from ${result.events} events (head ${result.head ?? 'none'}) in ${result.seconds.toFixed(2)}s`,
  );
  const width = Math.max(...Object.keys(result.digests).map((t) => t.length));
  for (const [table, digest] of Object.entries(result.digests)) print(`  ${table.padEnd(width)}  sha256 ${digest}`);
  return { code: 0, result };
}

interface ProgressDisplay {
  readonly onProgress: (p: RebuildProgress) => void;
  readonly stop: () => void;
}

/** `████░░░░  31% | 12,000/38,400 events | 4,210 ev/s | ETA 6s`, redrawn in place. */
function progressBar(terminal: NodeJS.WritableStream): ProgressDisplay {
  const bar = new SingleBar(
    {
      stream: terminal,
      format: ' {bar} {percentage}% | {value}/{total} events | {rate} ev/s | ETA {eta}',
      formatValue: (v, _options, type) =>
        type === 'value' || type === 'total' ? v.toLocaleString('en-US') : String(v),
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (p) => {
      const payload = {
        rate: Math.round(p.ratePerSecond).toLocaleString('en-US'),
        eta: p.etaSeconds === null ? '?' : formatSeconds(p.etaSeconds),
      };
      if (!started) bar.start(p.total, p.processed, payload);
      else bar.update(p.processed, payload);
      started = true;
    },
    stop: () => bar.stop(),
  };
}

/** A line each time another tenth is done, and at the end: what a log file or CI keeps. */
function progressLines(print: (line: string) => void): ProgressDisplay {
  let lastDecile = -1;
  return {
    onProgress: (p) => {
      const decile = p.total === 0 ? 10 : Math.floor((p.processed / p.total) * 10);
      if (decile > lastDecile && (decile > 0 || p.phase === 'done')) {
        lastDecile = decile;
        print(formatRebuildProgress(p));
      }
    },
    stop: () => undefined,
  };
}
