import {
  CheckpointedSubscriptionRunner,
  eventIdFor,
  InMemoryCheckpointStore,
  NewEvent,
  Position,
  Reactor,
  RecordedEvent,
} from '@libs/event-sourcing';
import { InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';

/** `n` on partition `partition`. */
function event(n: number, partition: string): NewEvent {
  return {
    eventId: eventIdFor(`pipeline-${partition}`, n),
    type: 'Happened',
    schemaVersion: 1,
    data: { n, partition },
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      commandId: `cmd-${n}`,
      actor: { id: 'a', role: 'r' },
      occurredAt: '2026-01-01T00:00:00.000Z',
    },
  };
}

const numberOf = (e: RecordedEvent) => (e.data as { n: number }).n;

/** A reactor whose steps finish only when the test lets them; it records what started and what finished. */
class GatedReactor implements Reactor {
  readonly kind = 'reactor';
  readonly name = 'gated';
  readonly started: number[] = [];
  readonly finished: number[] = [];
  private readonly gates = new Map<number, { open: () => void; fail: (error: Error) => void }>();
  private readonly waitingFor = new Map<number, () => void>();

  constructor(
    readonly maxInFlight?: number,
    private readonly partitioned = true,
  ) {}

  partitionOf(e: RecordedEvent): string {
    return this.partitioned ? (e.data as { partition: string }).partition : '';
  }

  handle(e: RecordedEvent): Promise<void> {
    const n = numberOf(e);
    this.started.push(n);
    this.waitingFor.get(n)?.();
    return new Promise<void>((resolve, reject) => {
      this.gates.set(n, {
        open: () => {
          this.finished.push(n);
          resolve();
        },
        fail: reject,
      });
    });
  }

  /** Resolves once step `n` has started. */
  async startOf(n: number): Promise<void> {
    if (this.started.includes(n)) return;
    await new Promise<void>((resolve) => this.waitingFor.set(n, resolve));
  }

  open(...ns: number[]): void {
    for (const n of ns) this.gates.get(n)!.open();
  }

  fail(n: number, message: string): void {
    this.gates.get(n)!.fail(new Error(message));
  }
}

const turns = async (count = 20) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

async function given(events: Array<[number, string]>) {
  const store = new InMemoryEventStore();
  const positions = new Map<number, Position>();
  for (const [n, partition] of events)
    positions.set(
      n,
      (await store.append(`stream-${partition}`, [event(n, partition)], { expectedRevision: 'any' })).position,
    );
  return { store, checkpoints: new InMemoryCheckpointStore(), positionOf: (n: number) => positions.get(n)! };
}

describe('reactor pipeline: partitions in order, partitions at once, the checkpoint behind every unfinished step', () => {
  it('runs steps of different partitions at once, and one partition’s steps one after the other in global order', async () => {
    const { store, checkpoints } = await given([
      [1, 'a'],
      [2, 'b'],
      [3, 'a'],
      [4, 'c'],
    ]);
    const reactor = new GatedReactor(8);
    const runner = new CheckpointedSubscriptionRunner(store, checkpoints, reactor);
    await runner.start();
    await reactor.startOf(4);
    await turns();
    expect(reactor.started).toEqual([1, 2, 4]); // 3 waits for 1, its partition's earlier step

    reactor.open(2, 4);
    await turns();
    expect(reactor.started).toEqual([1, 2, 4]);
    reactor.open(1);
    await reactor.startOf(3);
    reactor.open(3);
    await runner.waitFor((await store.headPosition()) as Position);
    await runner.stop();
    expect(reactor.finished).toEqual([2, 4, 1, 3]);
  });

  it('never moves the checkpoint past a step that is not finished, however many later ones are', async () => {
    const { store, checkpoints, positionOf } = await given([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ]);
    const reactor = new GatedReactor(8);
    const runner = new CheckpointedSubscriptionRunner(store, checkpoints, reactor);
    await runner.start();
    await reactor.startOf(4);
    reactor.open(1);
    reactor.open(3, 4);
    await turns();
    expect(await checkpoints.load('gated')).toBe(positionOf(1));
    expect(runner.checkpoint).toBe(positionOf(1));

    reactor.open(2);
    await runner.waitFor(positionOf(4));
    expect(await checkpoints.load('gated')).toBe(positionOf(4));
    await runner.stop();
  });

  it('has at most maxInFlight steps handed out ahead of the checkpoint', async () => {
    const { store, checkpoints } = await given([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
      [5, 'e'],
    ]);
    const reactor = new GatedReactor(2);
    const runner = new CheckpointedSubscriptionRunner(store, checkpoints, reactor);
    await runner.start();
    await reactor.startOf(2);
    reactor.open(2);
    await turns();
    expect(reactor.started).toEqual([1, 2]); // 2 is done, but 1 still holds the checkpoint and its slot
    reactor.open(1);
    await reactor.startOf(4);
    expect(reactor.started).toEqual([1, 2, 3, 4]);
    reactor.open(3, 4);
    await reactor.startOf(5);
    reactor.open(5);
    await runner.waitFor((await store.headPosition()) as Position);
    await runner.stop();
  });

  it('without partitions or maxInFlight, handles one event at a time, as a plain reactor always did', async () => {
    const { store, checkpoints } = await given([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    const reactor = new GatedReactor(undefined, false);
    const runner = new CheckpointedSubscriptionRunner(store, checkpoints, reactor);
    await runner.start();
    for (const n of [1, 2, 3]) {
      await reactor.startOf(n);
      await turns();
      expect(reactor.started).toEqual([1, 2, 3].slice(0, n));
      reactor.open(n);
    }
    await runner.waitFor((await store.headPosition()) as Position);
    await runner.stop();
  });

  it('on a failing step: starts nothing more, lets the running steps finish, keeps the checkpoint before the failure, and redelivers from there', async () => {
    const { store, checkpoints, positionOf } = await given([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ]);
    const failures: number[] = [];
    const reactor = new GatedReactor(3);
    const runner = new CheckpointedSubscriptionRunner(store, checkpoints, reactor, {
      onFailure: (_name, e) => failures.push(numberOf(e)),
    });
    await runner.start();
    await reactor.startOf(3);
    reactor.open(1, 3);
    reactor.fail(2, 'step 2 cannot be done');
    await expect(runner.waitFor(positionOf(4))).rejects.toThrow('step 2 cannot be done');
    expect(runner.state).toBe('failed');
    expect(failures).toEqual([2]);
    expect(reactor.started).toEqual([1, 2, 3]); // 4 was never started
    expect(await checkpoints.load('gated')).toBe(positionOf(1));

    const again = new GatedReactor(3);
    const restarted = new CheckpointedSubscriptionRunner(store, checkpoints, again);
    await restarted.start();
    await again.startOf(4);
    expect(again.started).toEqual([2, 3, 4]); // at least once: 3 was done, but behind the failure
    again.open(2, 3, 4);
    await restarted.waitFor(positionOf(4));
    await restarted.stop();
  });

  it('stops when a checkpoint commit fails, even while it waits for the next event', async () => {
    const { store, checkpoints, positionOf } = await given([[1, 'a']]);
    jest.spyOn(checkpoints, 'commit').mockRejectedValue(new Error('the checkpoint store is down'));
    const reactor = new GatedReactor(4);
    const runner = new CheckpointedSubscriptionRunner(store, checkpoints, reactor);
    await runner.start();
    await reactor.startOf(1);
    reactor.open(1);
    await expect(runner.waitFor(positionOf(1))).rejects.toThrow('the checkpoint store is down');
    expect(runner.state).toBe('failed');
  });
});
