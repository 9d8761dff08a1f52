/** Percentile by nearest rank of an unsorted sample (milliseconds in, milliseconds out). */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Milliseconds since an origin taken with `now()`, at nanosecond resolution. */
export function now(): bigint {
  return process.hrtime.bigint();
}

export function millisSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `work` once and returns how long it took in milliseconds. */
export async function timed(work: () => unknown): Promise<number> {
  const start = now();
  await work();
  return millisSince(start);
}

export function perSecond(count: number, millis: number): number {
  return (count / millis) * 1000;
}
