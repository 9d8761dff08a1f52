import {
  EventFilter,
  EventStoreUnavailableError,
  InvalidReadError,
  Position,
  RecordedEvent,
} from '@libs/event-sourcing';
import { collect, eventually, expectStrictlyIncreasing, idsOf, newEvent, newEvents, Puller, tick } from '../fixtures';
import { ContractContext } from './context';

/** A bound that holds on a busy machine; the live cases take about 2 s alone. */
const LIVE_TIMEOUT_MS = 120_000;

export function subscriptionRules(ctx: ContractContext): void {
  describe('subscribeToAll', () => {
    const appendAny = (streamId: string, count: number, type?: string) =>
      ctx.store.append(streamId, newEvents(count, type), { expectedRevision: 'any' });
    const allIds = async () => idsOf(await collect(ctx.store.readAll()));

    it("from 'start' catches up on every stored event, then delivers live ones", async () => {
      await appendAny('application-1', 3);
      await appendAny('quota-2024', 2);
      const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: 'start' }));
      const history = await puller.take(5);
      expect(idsOf(history)).toEqual(await allIds());
      const live = newEvents(2);
      const pending = puller.take(2);
      await ctx.store.append('application-2', live, { expectedRevision: 'no-stream' });
      expect(idsOf(await pending)).toEqual(idsOf(live));
      await puller.subscription.close();
    });

    it("starts from 'start' when no position is given", async () => {
      await appendAny('application-1', 2);
      const puller = new Puller(ctx.store.subscribeToAll());
      expect(idsOf(await puller.take(2))).toEqual(await allIds());
      await puller.subscription.close();
    });

    it('from a position delivers only the events after it (a checkpoint is exclusive)', async () => {
      await appendAny('application-1', 5);
      const stored = await collect(ctx.store.readAll());
      const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: stored[2]!.position }));
      expect(idsOf(await puller.take(2))).toEqual(idsOf(stored.slice(3)));
      const live = newEvent('Tested', {});
      await ctx.store.append('application-1', [live], { expectedRevision: 4 });
      expect(idsOf(await puller.take(1))).toEqual([live.eventId]);
      await puller.subscription.close();
    });

    it('from the last position delivers only what is appended afterwards', async () => {
      const { position } = await appendAny('application-1', 3);
      const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: position }));
      const live = newEvents(1);
      await ctx.store.append('application-2', live, { expectedRevision: 'any' });
      expect(idsOf(await puller.take(1))).toEqual(idsOf(live));
      await puller.subscription.close();
    });

    it('from a position past the head delivers only the events appended after that position', async () => {
      const { position } = await appendAny('application-1', 2);
      const checkpoint = position + 3n;
      const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: checkpoint }));
      const received = puller.take(1);
      await tick();
      const appended: RecordedEvent[] = [];
      while (appended.length < 100 && !appended.some((event) => event.position > checkpoint)) {
        await appendAny('application-2', 1);
        appended.push(...(await collect(ctx.store.readAll({ fromPosition: (await ctx.store.headPosition())! }))));
      }
      const first = appended.find((event) => event.position > checkpoint)!;
      expect(idsOf(await received)).toEqual([first.eventId]);
      await puller.subscription.close();
    });

    it("from 'end' delivers only events appended after subscribing, even before the first pull", async () => {
      await appendAny('application-1', 3);
      const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: 'end' }));
      const live = newEvents(2);
      await ctx.store.append('application-2', live, { expectedRevision: 'no-stream' });
      expect(idsOf(await puller.take(2))).toEqual(idsOf(live));
      await puller.subscription.close();
    });

    it("from 'end' on an empty store delivers the first events appended", async () => {
      const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: 'end' }));
      const pending = puller.take(2);
      const live = newEvents(2);
      await ctx.store.append('application-1', live, { expectedRevision: 'no-stream' });
      expect(idsOf(await pending)).toEqual(idsOf(live));
      await puller.subscription.close();
    });

    it.each<[string, EventFilter, (event: RecordedEvent) => boolean]>([
      ['a stream prefix', { streamPrefixes: ['application-'] }, (e) => e.streamId.startsWith('application-')],
      ['an event type', { eventTypes: ['Approved'] }, (e) => e.type === 'Approved'],
      [
        'a prefix and a type',
        { streamPrefixes: ['application-'], eventTypes: ['Approved'] },
        (e) => e.streamId.startsWith('application-') && e.type === 'Approved',
      ],
    ])('delivers, in history and live, only the events that pass a filter on %s', async (_, filter, passes) => {
      const appendMix = async () => {
        await appendAny('application-1', 2, 'Submitted');
        await appendAny('quota-2024', 40, 'Approved'); // more than a page of events that a prefix filter skips
        await appendAny('application-2', 1, 'Approved');
        await appendAny('audit-1', 1, 'Submitted');
      };
      await appendMix();
      const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: 'start', filter }));
      const sentinel = newEvent('Approved', {});
      const received = puller.takeUntil((event) => event.eventId === sentinel.eventId);
      await tick();
      await appendMix();
      await ctx.store.append('application-9', [sentinel], { expectedRevision: 'no-stream' });
      const expected = (await collect(ctx.store.readAll())).filter(passes);
      expect(idsOf(await received)).toEqual(idsOf(expected));
      await puller.subscription.close();
    });

    it(
      'hands over from catch-up to live with no gap and no duplicate while writers keep appending',
      async () => {
        for (let batch = 0; batch < 20; batch++) await appendAny(`application-${batch % 3}`, 5);
        const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: 'start' }));
        const writer = async (streamPrefix: string, batches: number) => {
          for (let batch = 0; batch < batches; batch++) {
            await appendAny(`${streamPrefix}-${batch % 4}`, 5);
            if (batch % 3 === 0) await tick();
          }
        };
        let consumed = 0;
        const consumer = puller.take(100 + 500, async () => {
          consumed += 1;
          if (consumed % 7 === 0) await tick();
        });
        await Promise.all([writer('application', 50), writer('quota', 50)]);
        const received = await consumer;
        const stored = await collect(ctx.store.readAll());
        expect(stored).toHaveLength(600);
        expect(idsOf(received)).toEqual(idsOf(stored));
        expectStrictlyIncreasing(received.map((event) => event.position));
        await puller.subscription.close();
      },
      LIVE_TIMEOUT_MS,
    );

    it(
      'delivers everything in order to a slow consumer while events pile up',
      async () => {
        const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: 'start' }));
        const consumer = puller.take(300, async () => {
          await Promise.resolve();
          await tick();
        });
        for (let batch = 0; batch < 30; batch++) await appendAny(`application-${batch % 5}`, 10);
        const received = await consumer;
        expect(idsOf(received)).toEqual(await allIds());
        await puller.subscription.close();
      },
      LIVE_TIMEOUT_MS,
    );

    it('close() ends a for-await loop that is waiting for the next event', async () => {
      const subscription = ctx.store.subscribeToAll({ fromPosition: 'start' });
      const seen: string[] = [];
      const loop = (async () => {
        for await (const event of subscription) {
          seen.push(event.eventId);
          if (seen.length > 2) throw new Error(`delivered ${seen.length} events, 2 were appended`);
        }
        return 'ended';
      })();
      const events = newEvents(2);
      await ctx.store.append('application-1', events, { expectedRevision: 'no-stream' });
      await eventually(() => seen.length === 2);
      await tick();
      await subscription.close();
      await expect(loop).resolves.toBe('ended');
      expect(seen).toEqual(idsOf(events));
    });

    it('close() resolves a pending next() as done, and every later next() too', async () => {
      const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: 'end' }));
      const pending = puller.next();
      await tick();
      await puller.subscription.close();
      await expect(pending).resolves.toMatchObject({ done: true });
      await appendAny('application-1', 1);
      await expect(puller.next()).resolves.toMatchObject({ done: true });
    });

    it('close() stops delivery even when stored events remain', async () => {
      await appendAny('application-1', 5);
      const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: 'start' }));
      await puller.take(1);
      await puller.subscription.close();
      await expect(puller.next()).resolves.toMatchObject({ done: true });
    });

    it('breaking out of a for-await loop closes the subscription', async () => {
      await appendAny('application-1', 3);
      const subscription = ctx.store.subscribeToAll();
      for await (const event of subscription) {
        expect(event.revision).toBe(0);
        break;
      }
      await expect(subscription[Symbol.asyncIterator]().next()).resolves.toMatchObject({ done: true });
    });
    it('reports checkpoints past events its filter lets by, so a filtered consumer knows how far it has come', async () => {
      const reached: Position[] = [];
      const subscription = ctx.store.subscribeToAll({
        fromPosition: 'start',
        filter: { eventTypes: ['Wanted'] },
        onCheckpoint: (position) => reached.push(position),
      });
      const puller = new Puller(subscription);
      await appendAny('application-1', 1, 'Wanted');
      await puller.take(1);
      const { position: head } = await appendAny('application-2', 3, 'Unwanted');
      const pending = puller.next();
      await eventually(() => reached.some((position) => position >= head));
      await subscription.close();
      await expect(pending).resolves.toMatchObject({ done: true });
      expectStrictlyIncreasing(reached);
    });

    it(
      'never reports a checkpoint ahead of an event it has yet to deliver, in history or live',
      async () => {
        // Every third event passes the filter, one event per append: wherever a store draws the line
        // of a checkpoint (EventStoreDB: every 32 events considered), a passing event lies just past it.
        const appendMix = async (count: number) => {
          for (let n = 0; n < count; n++)
            await appendAny(`application-${n % 4}`, 1, n % 3 === 0 ? 'Wanted' : 'Unwanted');
        };
        await appendMix(130);
        const timeline: Array<{ readonly kind: 'event' | 'checkpoint'; readonly position: Position }> = [];
        const subscription = ctx.store.subscribeToAll({
          fromPosition: 'start',
          filter: { eventTypes: ['Wanted'] },
          onCheckpoint: (position) => timeline.push({ kind: 'checkpoint', position }),
        });
        const puller = new Puller(subscription);
        const pull = async (count: number) => {
          for (let n = 0; n < count; n++) {
            const result = await puller.next();
            if (result.done) throw new Error('the subscription ended');
            timeline.push({ kind: 'event', position: result.value.position });
          }
        };
        await pull(44);
        const live = pull(44);
        await appendMix(131); // ends with one that does not pass: the head is reached by a checkpoint only
        await live;
        const head = (await ctx.store.headPosition())!;
        const pending = puller.next();
        await eventually(() => timeline.some((item) => item.kind === 'checkpoint' && item.position >= head));
        await subscription.close();
        await expect(pending).resolves.toMatchObject({ done: true });

        const wanted = (await collect(ctx.store.readAll({ filter: { eventTypes: ['Wanted'] } }))).map(
          (e) => e.position,
        );
        expect(wanted).toHaveLength(88);
        const delivered = new Set<Position>();
        for (const item of timeline) {
          if (item.kind === 'event') delivered.add(item.position);
          else {
            const missing = wanted.filter((position) => position <= item.position && !delivered.has(position));
            expect({ checkpoint: item.position, notYetDelivered: missing }).toEqual({
              checkpoint: item.position,
              notYetDelivered: [],
            });
          }
        }
        expectStrictlyIncreasing(timeline.filter((item) => item.kind === 'checkpoint').map((item) => item.position));
      },
      LIVE_TIMEOUT_MS,
    );

    it('ends a waiting subscription with EventStoreUnavailableError when the store closes', async () => {
      const puller = new Puller(ctx.store.subscribeToAll({ fromPosition: 'end' }));
      const pending = puller.next();
      await tick();
      await ctx.store.close();
      await expect(pending).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('refuses a negative start position', () => {
      expect(() => ctx.store.subscribeToAll({ fromPosition: -1n })).toThrow(InvalidReadError);
    });
  });
}
