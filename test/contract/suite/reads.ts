import { EventStore, InvalidReadError, RecordedEvent } from '@libs/event-sourcing';
import { collect, expectStrictlyIncreasing, idsOf, newEvent, newEvents, revisionsOf } from '../fixtures';
import { ContractContext } from './context';

/** Five events over three streams, interleaved, of three types; returned in append order. */
async function seedMixedStreams(store: EventStore): Promise<RecordedEvent[]> {
  await store.append('application-1', [newEvent('ApplicationSubmitted', { applicant: 'A' })], {
    expectedRevision: 'no-stream',
  });
  await store.append('quota-2024', [newEvent('QuotaAllocated', { seats: 40 })], { expectedRevision: 'no-stream' });
  await store.append('application-2', [newEvent('ApplicationSubmitted', { applicant: 'B' })], {
    expectedRevision: 'no-stream',
  });
  await store.append('application-1', [newEvent('DocumentAttached', { kind: 'passport' })], { expectedRevision: 0 });
  await store.append('application-1', [newEvent('ApplicationApproved', {})], { expectedRevision: 1 });
  return collect(store.readAll());
}

export function orderingRules(ctx: ContractContext): void {
  describe('ordering', () => {
    it('numbers the events of a stream 0..n-1 in append order', async () => {
      const batches = [newEvents(3), newEvents(1), newEvents(4)];
      for (const batch of batches) await ctx.store.append('application-1', batch, { expectedRevision: 'any' });
      const events = await collect(ctx.store.readStream('application-1'));
      expect(revisionsOf(events)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(idsOf(events)).toEqual(idsOf(batches.flat()));
    });

    it('gives every event a global position, strictly increasing across streams in commit order', async () => {
      const seeded = await seedMixedStreams(ctx.store);
      expect(seeded.map((event) => event.streamId)).toEqual([
        'application-1',
        'quota-2024',
        'application-2',
        'application-1',
        'application-1',
      ]);
      expectStrictlyIncreasing(seeded.map((event) => event.position));
      seeded.forEach((event) => expect(typeof event.position).toBe('bigint'));
    });

    it('returns from append the stream, the revision and the position of the last event of the batch', async () => {
      const first = await ctx.store.append('application-1', newEvents(2), { expectedRevision: 'no-stream' });
      const second = await ctx.store.append('application-1', newEvents(3), { expectedRevision: 1 });
      const events = await collect(ctx.store.readStream('application-1'));
      expect(first).toEqual({ streamId: 'application-1', nextExpectedRevision: 1, position: events[1]!.position });
      expect(second).toEqual({ streamId: 'application-1', nextExpectedRevision: 4, position: events[4]!.position });
    });

    it('reports the last revision of a stream, and -1 for a stream that holds no event', async () => {
      expect(await ctx.store.streamRevision('application-1')).toBe(-1);
      await ctx.store.append('application-1', newEvents(3), { expectedRevision: 'no-stream' });
      expect(await ctx.store.streamRevision('application-1')).toBe(2);
      expect(await ctx.store.streamRevision('application-2')).toBe(-1);
    });

    it('reports a null head position on an empty store, then the position of the last event', async () => {
      expect(await ctx.store.headPosition()).toBeNull();
      await ctx.store.append('application-1', newEvents(2), { expectedRevision: 'any' });
      const last = await ctx.store.append('quota-2024', newEvents(1), { expectedRevision: 'any' });
      expect(await ctx.store.headPosition()).toBe(last.position);
    });

    it('counts the events at or before a position', async () => {
      const first = await ctx.store.append('application-1', newEvents(2), { expectedRevision: 'any' });
      const last = await ctx.store.append('quota-2024', newEvents(3), { expectedRevision: 'any' });
      expect(await ctx.store.countUpTo(first.position)).toBe(2);
      expect(await ctx.store.countUpTo(last.position)).toBe(5);
    });
  });
}

export function readStreamRules(ctx: ContractContext): void {
  describe('readStream', () => {
    let written: string[];
    beforeEach(async () => {
      const events = newEvents(6);
      written = idsOf(events);
      await ctx.store.append('application-1', events.slice(0, 4), { expectedRevision: 'no-stream' });
      await ctx.store.append('application-2', newEvents(2), { expectedRevision: 'no-stream' });
      await ctx.store.append('application-1', events.slice(4), { expectedRevision: 3 });
    });
    const read = async (options?: Parameters<EventStore['readStream']>[1]) =>
      collect(ctx.store.readStream('application-1', options));

    it('reads a missing stream as empty', async () => {
      expect(await collect(ctx.store.readStream('application-404'))).toEqual([]);
      expect(await collect(ctx.store.readStream('application-404', { direction: 'backwards' }))).toEqual([]);
    });

    it('reads forwards from the start by default, only the stream asked for', async () => {
      const events = await read();
      expect(idsOf(events)).toEqual(written);
      expect(events.every((event) => event.streamId === 'application-1')).toBe(true);
    });

    it('reads backwards from the end', async () => {
      expect(revisionsOf(await read({ direction: 'backwards' }))).toEqual([5, 4, 3, 2, 1, 0]);
      expect(revisionsOf(await read({ direction: 'backwards', fromRevision: 'end' }))).toEqual([5, 4, 3, 2, 1, 0]);
    });

    it('reads forwards from a revision, inclusive', async () => {
      expect(revisionsOf(await read({ fromRevision: 2 }))).toEqual([2, 3, 4, 5]);
      expect(revisionsOf(await read({ fromRevision: 'start' }))).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('reads backwards from a revision, inclusive', async () => {
      expect(revisionsOf(await read({ direction: 'backwards', fromRevision: 3 }))).toEqual([3, 2, 1, 0]);
      expect(revisionsOf(await read({ direction: 'backwards', fromRevision: 'start' }))).toEqual([0]);
    });

    it("reads forwards from 'end' as from the last event (fromRevision is inclusive)", async () => {
      expect(revisionsOf(await read({ fromRevision: 'end' }))).toEqual([5]);
    });

    it('reads backwards from a revision past the end as from the last event', async () => {
      expect(revisionsOf(await read({ direction: 'backwards', fromRevision: 100 }))).toEqual([5, 4, 3, 2, 1, 0]);
    });

    it('reads nothing forwards from a revision past the end', async () => {
      expect(await read({ fromRevision: 6 })).toEqual([]);
    });

    it('stops after maxCount events, in either direction', async () => {
      expect(revisionsOf(await read({ maxCount: 2 }))).toEqual([0, 1]);
      expect(revisionsOf(await read({ fromRevision: 3, maxCount: 2 }))).toEqual([3, 4]);
      expect(revisionsOf(await read({ direction: 'backwards', maxCount: 2 }))).toEqual([5, 4]);
      expect(revisionsOf(await read({ direction: 'backwards', fromRevision: 1, maxCount: 5 }))).toEqual([1, 0]);
      expect(await read({ maxCount: 0 })).toEqual([]);
    });
  });
}

export function readAllRules(ctx: ContractContext): void {
  describe('readAll', () => {
    let seeded: RecordedEvent[];
    beforeEach(async () => {
      seeded = await seedMixedStreams(ctx.store);
    });
    const readAll = async (options?: Parameters<EventStore['readAll']>[0]) =>
      idsOf(await collect(ctx.store.readAll(options)));
    const idsWhere = (keep: (event: RecordedEvent) => boolean) => idsOf(seeded.filter(keep));

    it('reads every event of every stream, in global order', async () => {
      expect(seeded).toHaveLength(5);
      expect(await readAll({ fromPosition: 'start' })).toEqual(idsOf(seeded));
    });

    it('reads from a position, inclusive', async () => {
      expect(await readAll({ fromPosition: seeded[2]!.position })).toEqual(idsOf(seeded.slice(2)));
      expect(await readAll({ fromPosition: seeded[4]!.position })).toEqual(idsOf(seeded.slice(4)));
    });

    it('reads nothing from a position past the head', async () => {
      expect(await readAll({ fromPosition: seeded[4]!.position + 1n })).toEqual([]);
    });

    it('stops after maxCount events', async () => {
      expect(await readAll({ maxCount: 2 })).toEqual(idsOf(seeded.slice(0, 2)));
      expect(await readAll({ fromPosition: seeded[1]!.position, maxCount: 3 })).toEqual(idsOf(seeded.slice(1, 4)));
    });

    it('filters by stream prefix, keeping a stream that starts with any of the prefixes', async () => {
      expect(await readAll({ filter: { streamPrefixes: ['application-'] } })).toEqual(
        idsWhere((event) => event.streamId.startsWith('application-')),
      );
      expect(await readAll({ filter: { streamPrefixes: ['quota-', 'application-2'] } })).toEqual(
        idsWhere((event) => event.streamId !== 'application-1'),
      );
    });

    it('matches a stream prefix literally, with no wildcard', async () => {
      await ctx.store.append('application_3', newEvents(1), { expectedRevision: 'any' });
      await ctx.store.append('applicationX4', newEvents(1), { expectedRevision: 'any' });
      expect(await readAll({ filter: { streamPrefixes: ['application_'] } })).toHaveLength(1);
      expect(await readAll({ filter: { streamPrefixes: ['application%'] } })).toEqual([]);
    });

    it('matches a stream prefix made of any unicode characters, including ones outside the BMP', async () => {
      const kazakh = newEvent('Tested', {});
      const flagged = newEvent('Tested', {});
      await ctx.store.append('өтініш-1', [kazakh], { expectedRevision: 'any' });
      await ctx.store.append('🇰🇿-region-1', [flagged], { expectedRevision: 'any' });
      expect(await readAll({ filter: { streamPrefixes: ['өтініш-'] } })).toEqual([kazakh.eventId]);
      expect(await readAll({ filter: { streamPrefixes: ['🇰🇿-region'] } })).toEqual([flagged.eventId]);
    });

    it('filters by event type, keeping an event whose type is any of the types', async () => {
      expect(await readAll({ filter: { eventTypes: ['ApplicationSubmitted'] } })).toEqual(
        idsWhere((event) => event.type === 'ApplicationSubmitted'),
      );
      expect(await readAll({ filter: { eventTypes: ['QuotaAllocated', 'ApplicationApproved'] } })).toEqual(
        idsWhere((event) => event.type === 'QuotaAllocated' || event.type === 'ApplicationApproved'),
      );
    });

    it('combines a prefix and a type filter: an event must pass both', async () => {
      const filter = { streamPrefixes: ['application-1'], eventTypes: ['ApplicationSubmitted', 'ApplicationApproved'] };
      expect(await readAll({ filter })).toEqual(
        idsWhere((event) => event.streamId === 'application-1' && event.type !== 'DocumentAttached'),
      );
    });

    it('applies fromPosition and maxCount to the events that pass the filter', async () => {
      const filter = { streamPrefixes: ['application-'] };
      const matching = seeded.filter((event) => event.streamId.startsWith('application-'));
      expect(await readAll({ filter, fromPosition: seeded[1]!.position, maxCount: 2 })).toEqual(
        idsOf(matching.slice(1, 3)),
      );
    });
  });

  describe('malformed reads', () => {
    it('refuses a negative position, a negative revision and a negative or fractional count', async () => {
      await expect(collect(ctx.store.readAll({ fromPosition: -5n }))).rejects.toBeInstanceOf(InvalidReadError);
      await expect(collect(ctx.store.readAll({ maxCount: -1 }))).rejects.toBeInstanceOf(InvalidReadError);
      await expect(collect(ctx.store.readStream('application-1', { fromRevision: -2 }))).rejects.toBeInstanceOf(
        InvalidReadError,
      );
      await expect(collect(ctx.store.readStream('application-1', { maxCount: 1.5 }))).rejects.toBeInstanceOf(
        InvalidReadError,
      );
    });
  });
}
