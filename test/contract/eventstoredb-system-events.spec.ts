import { RecordedEvent, CheckpointedSubscriptionRunner, InMemoryCheckpointStore, Position } from '@libs/event-sourcing';
import { collect, eventually, expectStrictlyIncreasing, idsOf, newEvents, Puller } from './fixtures';
import { eventStoreDbRigs, Rig } from './support/eventstoredb-rig';

/**
 * A real `$all` is full of events the server writes itself (test/support/eventstoredb-double/
 * system-events.ts: users, `$metadata` of stream metadata, `$statsCollected` every stats period) and
 * the double writes them too. The raw client sees them; the adapter — reads, heads, counts,
 * subscriptions, a projection's runner — sees only the application's events, and still learns how far
 * the log goes past them.
 */
const rig = eventStoreDbRigs();

/** What the raw client sees in `$all`: stream and type of every event. */
async function rawAll(r: Rig): Promise<Array<{ stream: string; type: string; position: bigint }>> {
  const out = [];
  for await (const resolved of r.rawClient().readAll())
    out.push({
      stream: resolved.event!.streamId,
      type: resolved.event!.type,
      position: resolved.event!.position.commit,
    });
  return out;
}

/** Three events of ours, an operator's stream metadata on one of our streams, and stats around them. */
async function seed(r: Rig): Promise<RecordedEvent[]> {
  r.double.collectStats();
  await r.store.append('application-1', newEvents(2), { expectedRevision: 'no-stream' });
  await r.rawClient().setStreamMetadata('application-1', { maxAge: 86_400 });
  await r.store.append('quota-2025', newEvents(1), { expectedRevision: 'no-stream' });
  r.double.collectStats();
  return collect(r.store.readAll());
}

describe.each([true, false])('EventStoreDB adapter on a $all with system events (BatchAppend: %s)', (batchAppend) => {
  it('the raw $all holds them; reads, the head and counts of the adapter hold only ours', async () => {
    const r = await rig({ batchAppend });
    const ours = await seed(r);
    const raw = await rawAll(r);
    expect(raw.map((event) => event.type)).toEqual(
      expect.arrayContaining(['$UserCreated', '$User', '$metadata', '$statsCollected']),
    );
    expect(raw.filter((event) => event.stream.startsWith('$')).length).toBeGreaterThan(8);
    expect(raw[raw.length - 1]!.type).toBe('$statsCollected'); // the log ends with a system event

    expect(ours.map((event) => event.streamId)).toEqual(['application-1', 'application-1', 'quota-2025']);
    expect(ours.map((event) => event.position)).toEqual(
      raw.filter((event) => !event.stream.startsWith('$')).map((event) => event.position),
    );
    expect(await r.store.headPosition()).toBe(ours[2]!.position);
    expect(await r.store.countUpTo(raw[raw.length - 1]!.position)).toBe(3);
    expect(await r.store.streamRevision('application-1')).toBe(1);
    expect(idsOf(await collect(r.store.readAll({ fromPosition: ours[1]!.position })))).toEqual(idsOf(ours.slice(1)));
  });

  it.each([
    ['unfiltered', undefined],
    ['filtered by event type', { eventTypes: ['Tested'] }],
    ['filtered by stream prefix', { streamPrefixes: ['application-', 'quota-'] }],
  ])('a subscription (%s) delivers only ours and reports progress past the system events', async (_label, filter) => {
    const r = await rig({ batchAppend });
    const ours = await seed(r);
    const reached: Position[] = [];
    const puller = new Puller(r.store.subscribeToAll({ filter, onCheckpoint: (position) => reached.push(position) }));
    expect(idsOf(await puller.take(3))).toEqual(idsOf(ours));
    const live = newEvents(1);
    r.double.collectStats();
    await r.store.append('application-2', live, { expectedRevision: 'no-stream' });
    r.double.collectStats();
    expect(idsOf(await puller.take(1))).toEqual(idsOf(live));
    // Waiting for more, it learns that the rest of the log is system events: up to the last one.
    const raw = await rawAll(r);
    const pending = puller.next();
    await eventually(() => reached.some((position) => position >= raw[raw.length - 1]!.position));
    expectStrictlyIncreasing(reached);
    await puller.subscription.close();
    await expect(pending).resolves.toMatchObject({ done: true });
  });

  it("a projection's runner counts only ours, and is caught up at the head while stats keep coming", async () => {
    const r = await rig({ batchAppend, statsPeriodMs: 20 });
    const ours = await seed(r);
    const counted: RecordedEvent[] = [];
    const runner = new CheckpointedSubscriptionRunner(r.store, new InMemoryCheckpointStore(), {
      kind: 'projection',
      name: 'counting',
      apply: (event) => void counted.push(event),
    });
    await runner.start();
    await runner.waitFor((await r.store.headPosition())!);
    expect(idsOf(counted)).toEqual(idsOf(ours));
    const more = newEvents(2);
    await r.store.append('application-3', more, { expectedRevision: 'no-stream' });
    await runner.waitFor((await r.store.headPosition())!);
    expect(idsOf(counted)).toEqual([...idsOf(ours), ...idsOf(more)]);
    expect(counted.every((event) => !event.streamId.startsWith('$') && !event.type.startsWith('$'))).toBe(true);
    await runner.stop();
  });
});
