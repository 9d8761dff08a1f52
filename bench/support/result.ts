/** One figure a workload measured, with the target the issue sets for it (if any). */
export interface Measurement {
  /** e.g. `append · single events, many streams`. */
  readonly name: string;
  /** Which implementation: `ours`, `raw better-sqlite3`, `emmett-sqlite`, ... */
  readonly subject: string;
  readonly value: number;
  readonly unit: string;
  /** Larger is better (throughput) or smaller is better (latency, memory). */
  readonly better: 'higher' | 'lower';
  /** A target in the same unit, or a ratio to another measurement's subject. */
  readonly target?: { readonly value: number; readonly text: string };
  readonly details?: Record<string, unknown>;
}

export interface WorkloadReport {
  readonly workload: string;
  readonly measurements: readonly Measurement[];
  /** What the run was: sizes, settings, anything a reader needs to compare runs. */
  readonly setup: Record<string, unknown>;
}

/** Whether a measurement meets its target (undefined without one). */
export function meets(measurement: Measurement): boolean | undefined {
  if (!measurement.target) return undefined;
  return measurement.better === 'higher'
    ? measurement.value >= measurement.target.value
    : measurement.value <= measurement.target.value;
}

/** A workload process ends by printing this line, which the runner reads. */
export const REPORT_PREFIX = 'KANDAS_BENCH_REPORT ';

export function emitReport(report: WorkloadReport): void {
  process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(report)}\n`);
}
