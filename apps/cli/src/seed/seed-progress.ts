import { MultiBar, Presets } from 'cli-progress';
import type { WorkingDayDone } from './simulation';

type Print = (line: string) => void;

export interface SeedProgressBar {
  /** Prints a line of the seed's log without tearing the bar. */
  readonly print: Print;
  readonly workingDayDone: WorkingDayDone;
  readonly stop: () => void;
}

/**
 * A bar over the simulated working days, drawn on stderr when stderr is a terminal; null otherwise,
 * and then the month lines on stdout are the only progress, as a log or CI reads it. When stdout is
 * the terminal too, the lines go above the bar (MultiBar.log) so the bar does not break them.
 */
export function seedProgressBar(print: Print): SeedProgressBar | null {
  if (process.stderr.isTTY !== true) return null;
  const bars = new MultiBar(
    {
      stream: process.stderr,
      format: ' {bar} {percentage}% | {value}/{total} working days | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  let bar: ReturnType<MultiBar['create']> | null = null;
  const sameTerminal = process.stdout.isTTY === true;
  return {
    print: (line) => {
      if (!sameTerminal || bar === null || !bars.isActive) return print(line);
      // MultiBar.log only queues the line for the next redraw; redraw now, so none waits on a slow day.
      bars.log(`${line}\n`);
      bars.update();
    },
    workingDayDone: (done, total) => {
      bar ??= bars.create(total, 0);
      bar.update(done);
      if (done === total) bars.stop();
    },
    stop: () => bars.stop(),
  };
}
