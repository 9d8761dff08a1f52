import type { Position, ResolvedEvent } from '@eventstore/db-client';

/** Everything a client subscription emitted, in order, and a way to await a condition on it (no sleeps). */
export class Recorder {
  readonly timeline: Array<
    { kind: 'event'; event: ResolvedEvent } | { kind: 'caughtUp' } | { kind: 'checkpoint'; position: Position }
  > = [];
  error: unknown;
  ended = false;
  private readonly waiters = new Set<() => void>();

  constructor(subscription: NodeJS.EventEmitter) {
    subscription.on('data', (event: ResolvedEvent) => this.push({ kind: 'event', event }));
    subscription.on('caughtUp', () => this.push({ kind: 'caughtUp' }));
    subscription.on('error', (error: unknown) => {
      this.error = error;
      this.poke();
    });
    subscription.on('end', () => {
      this.ended = true;
      this.poke();
    });
  }

  /** Pass as the filter's `checkpointReached`. */
  checkpoint = async (_subscription: unknown, position: Position): Promise<void> =>
    this.push({ kind: 'checkpoint', position });

  get events(): ResolvedEvent[] {
    return this.timeline.flatMap((item) => (item.kind === 'event' ? [item.event] : []));
  }

  get checkpoints(): Position[] {
    return this.timeline.flatMap((item) => (item.kind === 'checkpoint' ? [item.position] : []));
  }

  get caughtUp(): boolean {
    return this.timeline.some((item) => item.kind === 'caughtUp');
  }

  until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(`timed out waiting for ${what}; timeline: ${JSON.stringify(this.timeline.map((i) => i.kind))}`),
        );
      }, ms);
      const check = (): void => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
      check();
    });
  }

  private push(item: Recorder['timeline'][number]): void {
    this.timeline.push(item);
    this.poke();
  }

  private poke(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

export const typeOf = (resolved: ResolvedEvent): string => resolved.event!.type;
