/**
 * A round of background work that runs on a real timer in production and on demand in tests (which
 * move their clock and call `run()`): a round already running is joined, never started twice, so a
 * slow round and the next tick cannot overlap. The deadline scheduler and the notice delivery share it.
 */
export class PeriodicRound<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;

  constructor(private readonly round: () => Promise<T>) {}

  run(): Promise<T> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Ticks every `intervalMs` without keeping the process alive; a failed round is reported and tried at the next tick. */
  start(intervalMs: number, onFailure: (error: Error) => void): void {
    this.timer ??= setInterval(() => void this.run().catch(onFailure), intervalMs).unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
