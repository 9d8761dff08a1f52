import { PassThrough } from 'node:stream';
import type { AllStreamRecordedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { EventStoreDbEventStore } from '@infra/event-store/eventstoredb/eventstoredb-event-store';
import { EsdbPosition, NO_POSITION } from '@infra/event-store/eventstoredb/positions';
import {
  CheckpointMarker,
  ResubscribingSubscription,
  SubscriptionSource,
} from '@infra/event-store/eventstoredb/resubscribing-subscription';
import { Position, RecordedEvent } from '@libs/event-sourcing';
import { EventStoreDbWireDouble } from '../support/eventstoredb-double';
import { collect, eventually, newEvents, Puller, tick } from './fixtures';

/**
 * The re-subscribing subscription on a scripted source: what a real server may send and the double
 * does not (checkpoints with a prepare position of 0, an event sent again after a re-subscription).
 */

const at = (commit: bigint, prepare = commit): EsdbPosition => ({ commit, prepare });

function event(position: EsdbPosition, type = 'Wanted', streamId = 'application-1'): { event: AllStreamRecordedEvent } {
  return {
    event: {
      streamId,
      id: `00000000-0000-4000-8000-${position.commit.toString().padStart(12, '0')}`,
      revision: 0n,
      type,
      data: {},
      metadata: {},
      isJson: true,
      created: new Date(0),
      position,
    },
  };
}

class ScriptedSource implements SubscriptionSource {
  readonly opened: Array<EsdbPosition | 'start'> = [];
  readonly streams: PassThrough[] = [];
  head: EsdbPosition | null = null;

  open(from: EsdbPosition | 'start'): AllStreamSubscription {
    this.opened.push(from);
    const stream = Object.assign(new PassThrough({ objectMode: true }), { unsubscribe: async () => undefined });
    this.streams.push(stream);
    return stream;
  }

  get current(): PassThrough {
    return this.streams[this.streams.length - 1]!;
  }

  async rawHead(): Promise<EsdbPosition | null> {
    return this.head;
  }

  toOurs(recorded: AllStreamRecordedEvent): RecordedEvent | undefined {
    if (recorded.streamId.startsWith('$')) return undefined;
    return {
      eventId: recorded.id,
      streamId: recorded.streamId,
      revision: 0,
      position: recorded.position.commit,
      type: recorded.type,
      schemaVersion: 1,
      data: recorded.data,
      metadata: {} as RecordedEvent['metadata'],
      recordedAt: recorded.created.toISOString(),
    };
  }

  async *scan(): AsyncIterable<AllStreamRecordedEvent> {
    // Nothing between: the idle probe is not what these tests are about.
  }
}

const positions = (events: readonly RecordedEvent[]): Position[] => events.map((e) => e.position);

describe('ResubscribingSubscription', () => {
  it('reports a server checkpoint only once the consumer has pulled past it, and resumes from it exactly as the server gave it', async () => {
    const source = new ScriptedSource();
    const reached: Position[] = [];
    const waits: number[] = [];
    const subscription = new ResubscribingSubscription({
      source,
      fromPosition: 'start',
      filter: { eventTypes: ['Wanted'] },
      onCheckpoint: (position) => reached.push(position),
      policy: { wait: async (ms) => void waits.push(ms) },
      idleCheckpointMs: 60_000,
    });
    const puller = new Puller(subscription);
    const first = puller.next();
    await tick();
    source.current.write(event(at(100n)));
    source.current.write(new CheckpointMarker(at(400n, 0n), 350n)); // between records, as some servers send it
    source.current.write(event(at(400n)));
    expect(positions([(await first).value!])).toEqual([100n]);
    expect(reached).toEqual([]); // the consumer has not come back yet
    const second = await puller.next();
    expect(second.value!.position).toBe(400n);
    expect(reached).toEqual([350n]);

    // A drop now resumes after the last event handed over: (400, 400).
    const third = puller.next();
    source.current.destroy(Object.assign(new Error('connection lost'), { code: 14 }));
    await eventually(() => source.opened.length === 2);
    expect(source.opened).toEqual(['start', at(400n)]);
    expect(waits).toEqual([100]);

    // The new subscription sends a checkpoint, then drops before anything else.
    source.current.write(new CheckpointMarker(at(900n, 0n), 800n));
    source.current.write(event(at(950n), 'Unwanted'));
    // Skipped here; reported once nothing else is buffered.
    await eventually(() => reached.length === 3);
    expect(reached).toEqual([350n, 800n, 950n]);
    source.current.destroy(new Error('dropped again'));
    await eventually(() => source.opened.length === 3);
    expect(source.opened[2]).toEqual(at(950n)); // after the last record handed over, skipped or not
    // The server (some versions) repeats the event at the resume position: not delivered twice.
    source.current.write(event(at(950n), 'Unwanted'));
    source.current.write(event(at(1000n)));
    expect((await third).value!.position).toBe(1000n);
    expect(reached).toEqual([350n, 800n, 950n]);
    expect(waits).toEqual([100, 100]); // progress in between resets the backoff
    await subscription.close();
  });

  it('resumes from a checkpoint (C, 0) as is, so the record at C is neither skipped nor repeated', async () => {
    const source = new ScriptedSource();
    const subscription = new ResubscribingSubscription({
      source,
      fromPosition: 'start',
      policy: { wait: async () => undefined },
    });
    const puller = new Puller(subscription);
    const pending = puller.next();
    await tick();
    source.current.write(new CheckpointMarker(at(500n, 0n), undefined));
    await tick();
    await tick();
    source.current.destroy(new Error('dropped'));
    await eventually(() => source.opened.length === 2);
    expect(source.opened).toEqual(['start', at(500n, 0n)]);
    source.current.write(event(at(500n))); // (500, 500) > (500, 0): the record at 500 is after the checkpoint
    expect((await pending).value!.position).toBe(500n);
    await subscription.close();
  });

  it('takes checkpoints sent again, or behind what it handed over, without going backwards', async () => {
    const source = new ScriptedSource();
    const reached: Position[] = [];
    const subscription = new ResubscribingSubscription({
      source,
      fromPosition: 'start',
      filter: { eventTypes: ['Wanted'] },
      onCheckpoint: (position) => reached.push(position),
      policy: { wait: async () => undefined },
      idleCheckpointMs: 60_000,
    });
    const puller = new Puller(subscription);
    const first = puller.next();
    await tick();
    source.current.write(event(at(100n)));
    source.current.write(new CheckpointMarker(at(300n, 0n), 250n));
    source.current.write(new CheckpointMarker(at(300n, 0n), 250n)); // the same again
    source.current.write(new CheckpointMarker(at(200n, 0n), 150n)); // behind it
    source.current.write(event(at(400n)));
    expect((await first).value!.position).toBe(100n);
    expect((await puller.next()).value!.position).toBe(400n);
    expect(reached).toEqual([250n]);
    // A drop resumes after the last event, not after the checkpoint behind it.
    const pending = puller.next();
    source.current.destroy(new Error('dropped'));
    await eventually(() => source.opened.length === 2);
    expect(source.opened[1]).toEqual(at(400n));
    // The resumed subscription sends the checkpoint it started from, and one behind it: neither counts.
    source.current.write(new CheckpointMarker(at(400n), 400n));
    source.current.write(new CheckpointMarker(at(300n, 0n), 250n));
    source.current.write(event(at(500n)));
    expect((await pending).value!.position).toBe(500n);
    expect(reached).toEqual([250n]);
    await subscription.close();
  });

  it('ignores the checkpoint (2^64 - 1, 2^64 - 1) that servers 24.2 to 24.10 send before they scanned anything', async () => {
    const source = new ScriptedSource();
    const reached: Position[] = [];
    const subscription = new ResubscribingSubscription({
      source,
      fromPosition: 'start',
      onCheckpoint: (position) => reached.push(position),
      policy: { wait: async () => undefined },
      idleCheckpointMs: 60_000,
    });
    const puller = new Puller(subscription);
    const pending = puller.next();
    await tick();
    source.current.write(new CheckpointMarker(at(NO_POSITION), NO_POSITION));
    await tick();
    source.current.destroy(new Error('dropped'));
    await eventually(() => source.opened.length === 2);
    expect(source.opened).toEqual(['start', 'start']); // not resumed past everything
    source.current.write(event(at(100n)));
    expect((await pending).value!.position).toBe(100n);
    expect(reached).toEqual([]);
    await subscription.close();
  });

  it('starts from the head when asked to start past it, skipping up to the position asked for', async () => {
    const source = new ScriptedSource();
    source.head = at(300n);
    const subscription = new ResubscribingSubscription({
      source,
      fromPosition: 303n,
      policy: { wait: async () => undefined },
    });
    const puller = new Puller(subscription);
    const pending = puller.next();
    await eventually(() => source.opened.length === 1);
    expect(source.opened).toEqual([at(300n)]);
    source.current.write(event(at(200n))); // at or before the position asked for: skipped
    source.current.write(event(at(400n)));
    expect((await pending).value!.position).toBe(400n);
    await subscription.close();
  });

  it("fixes 'end' when subscribing: what is appended before the first pull is delivered", async () => {
    const source = new ScriptedSource();
    source.head = at(300n);
    const subscription = new ResubscribingSubscription({
      source,
      fromPosition: 'end',
      policy: { wait: async () => undefined },
    });
    source.head = at(400n); // appended between subscribing and the first pull
    const puller = new Puller(subscription);
    const pending = puller.next();
    await eventually(() => source.opened.length === 1);
    expect(source.opened).toEqual([at(300n)]);
    source.current.write(event(at(400n)));
    expect((await pending).value!.position).toBe(400n);
    await subscription.close();
  });

  it('gives up at once on an error a re-subscription cannot cure', async () => {
    const source = new ScriptedSource();
    const { AccessDeniedError } = await import('@eventstore/db-client');
    const subscription = new ResubscribingSubscription({
      source,
      fromPosition: 'start',
      policy: { wait: async () => undefined },
    });
    const puller = new Puller(subscription);
    const pending = puller.next();
    await tick();
    source.current.destroy(new AccessDeniedError());
    await expect(pending).rejects.toMatchObject({ name: 'EventStoreUnavailableError' });
    expect(source.opened).toHaveLength(1);
  });
});

describe('EventStoreDB adapter: checkpoints that stand between records', () => {
  it('are reported as the position of the last event before them (one backwards read)', async () => {
    // No system event before ours: "before the first record" is before the first event of the log.
    const double = await EventStoreDbWireDouble.start({ firstPosition: 1_000n, systemEvents: false });
    const store = new EventStoreDbEventStore(double.connectionString);
    try {
      await store.append('application-1', newEvents(3), { expectedRevision: 'no-stream' });
      const all = await collect(store.readAll());
      // White-box, through unknown: the store's private checkpointToReport, tested on its own.
      const toReport = (position: EsdbPosition) =>
        (store as unknown as { checkpointToReport(p: EsdbPosition): Promise<Position | undefined> }).checkpointToReport(
          position,
        );
      // (C, 0) with C where the third record starts: the server has scanned everything before it.
      expect(await toReport(at(all[2]!.position, 0n))).toBe(all[1]!.position);
      // An event's own position (commit = prepare) is reported as is.
      expect(await toReport(at(all[2]!.position))).toBe(all[2]!.position);
      // Before the first record: nothing to report.
      expect(await toReport(at(all[0]!.position, 0n))).toBeUndefined();
    } finally {
      await store.close();
      await double.stop();
    }
  });
});
