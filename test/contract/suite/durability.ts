import { NewEvent } from '@libs/event-sourcing';
import { collect, expectStrictlyIncreasing, idsOf, newEvent, newEvents, newMetadata, revisionsOf } from '../fixtures';
import { ContractContext, itRequires } from './context';

/** A bound that holds on a busy two-core machine (the case takes 1–3 s alone), not a performance target. */
const LARGE_TIMEOUT_MS = 120_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Data a JSON column can mangle: unicode (Kazakh Cyrillic, emoji), nesting, nulls, numbers at the edges. */
const awkwardData = {
  region: 'Қазақстан',
  settlement: 'Түркістан облысы, Сарыағаш ауданы',
  applicant: {
    fullName: 'Әлихан Нұрғалиұлы Бөкейхан',
    familyMembers: [
      { name: 'Ғалия', age: 7 },
      { name: 'Ұлан', age: null },
    ],
  },
  flags: { returning: true, resettler: false },
  quotas: [1, 2.5, -3, 0, Number.MAX_SAFE_INTEGER],
  empty: { list: [], object: {}, text: '' },
  escapes: 'quotes " \' backslash \\ newline \n tab \t nul \u0000 emoji 🇰🇿',
};

export function largeStreamRules(ctx: ContractContext): void {
  // Large enough to cross several read pages of every adapter (SQLite 512 events a page, the
  // EventStoreDB adapter 256 on $all): that is the point, not the count. 10,000 events took 15 s on
  // the gRPC double and ran over the timeout on a busy machine.
  describe('a 2,000-event stream', () => {
    it(
      'is appended in 20 batches of 100 and read back whole, forwards and backwards',
      async () => {
        const ids: string[] = [];
        for (let batch = 0; batch < 20; batch++) {
          const events = Array.from({ length: 100 }, (_, n) => newEvent('Counted', { n: batch * 100 + n }));
          ids.push(...idsOf(events));
          const result = await ctx.store.append('register-1', events, { expectedRevision: batch * 100 - 1 });
          expect(result.nextExpectedRevision).toBe(batch * 100 + 99);
        }
        const forwards = await collect(ctx.store.readStream('register-1'));
        expect(forwards).toHaveLength(2_000);
        expect(idsOf(forwards)).toEqual(ids);
        expect(revisionsOf(forwards)).toEqual(Array.from({ length: 2_000 }, (_, revision) => revision));
        expect(forwards.map((event) => (event.data as { n: number }).n)).toEqual(revisionsOf(forwards));
        expectStrictlyIncreasing(forwards.map((event) => event.position));

        const backwards = await collect(ctx.store.readStream('register-1', { direction: 'backwards' }));
        expect(idsOf(backwards)).toEqual([...ids].reverse());

        expect(idsOf(await collect(ctx.store.readAll()))).toEqual(ids);
        expect(await ctx.store.streamRevision('register-1')).toBe(1_999);
      },
      LARGE_TIMEOUT_MS,
    );
  });
}

export function reopenRules(ctx: ContractContext): void {
  describe('reopening without a close (a crash)', () => {
    it('finds every event as it was: revisions, positions, data and metadata', async () => {
      await ctx.store.append('application-1', newEvents(3), { expectedRevision: 'no-stream' });
      await ctx.store.append('quota-2024', [newEvent('QuotaAllocated', awkwardData)], {
        expectedRevision: 'no-stream',
      });
      await ctx.store.append('application-1', newEvents(2), { expectedRevision: 2 });
      const before = await collect(ctx.store.readAll());

      const reopened = await ctx.reopen();
      expect(await collect(reopened.readAll())).toEqual(before);
      expect(await reopened.streamRevision('application-1')).toBe(4);
      expect(await reopened.streamRevision('quota-2024')).toBe(0);
      expect(await reopened.headPosition()).toBe(before[before.length - 1]!.position);
    });

    it('continues appending at the right revision and after the last position', async () => {
      const last = await ctx.store.append('application-1', newEvents(3), { expectedRevision: 'no-stream' });
      const reopened = await ctx.reopen();
      await expect(reopened.append('application-1', newEvents(1), { expectedRevision: 1 })).rejects.toMatchObject({
        name: 'WrongExpectedRevisionError',
        actual: 2,
      });
      const next = await reopened.append('application-1', newEvents(2), { expectedRevision: 2 });
      expect(next.nextExpectedRevision).toBe(4);
      expect(next.position > last.position).toBe(true);
      expect(revisionsOf(await collect(reopened.readStream('application-1')))).toEqual([0, 1, 2, 3, 4]);
    });

    it('still recognises a retried batch after the reopen', async () => {
      const batch = newEvents(2);
      const original = await ctx.store.append('application-1', batch, { expectedRevision: 'no-stream' });
      const reopened = await ctx.reopen();
      await expect(reopened.append('application-1', batch, { expectedRevision: 'no-stream' })).resolves.toEqual({
        ...original,
        alreadyStored: true,
      });
    });

    itRequires(ctx, 'globalEventIdUniqueness')('still recognises a duplicate id after the reopen', async () => {
      const batch = newEvents(2);
      await ctx.store.append('application-1', batch, { expectedRevision: 'no-stream' });
      const reopened = await ctx.reopen();
      await expect(reopened.append('application-2', batch, { expectedRevision: 'any' })).rejects.toMatchObject({
        name: 'DuplicateEventIdError',
      });
    });
  });
}

export function roundTripRules(ctx: ContractContext): void {
  describe('round trip', () => {
    it('gives back data, metadata, type and schema version exactly as appended, in every read', async () => {
      const metadata = newMetadata({
        actor: { id: 'akimat-officer-Әсем', role: 'reviewer' },
        occurredAt: '2024-12-16T00:00:00+05:00',
      });
      const event = newEvent('ApplicationSubmitted', awkwardData, { schemaVersion: 3, metadata });
      await ctx.store.append('application-Қ1', [event], { expectedRevision: 'no-stream' });
      const expected = { ...event, streamId: 'application-Қ1', revision: 0 };
      const [fromStream] = await collect(ctx.store.readStream('application-Қ1'));
      const [fromAll] = await collect(ctx.store.readAll());
      const [fromFilter] = await collect(ctx.store.readAll({ filter: { streamPrefixes: ['application-Қ'] } }));
      for (const read of [fromStream, fromAll, fromFilter]) {
        expect(read).toMatchObject(expected);
        expect(read!.data).toStrictEqual(awkwardData);
        expect(read!.metadata).toStrictEqual(metadata);
      }
    });

    it('stamps recordedAt as an ISO-8601 instant', async () => {
      const before = Date.now();
      await ctx.store.append('application-1', newEvents(2), { expectedRevision: 'no-stream' });
      for (const event of await collect(ctx.store.readAll())) {
        expect(typeof event.recordedAt).toBe('string');
        expect(event.recordedAt).toMatch(ISO_INSTANT);
        expect(Date.parse(event.recordedAt)).toBeGreaterThanOrEqual(before - 1_000);
      }
    });

    it('keeps its own copy: mutating the appended objects afterwards does not rewrite history', async () => {
      const data = { applicant: { name: 'Айгүл' }, tags: ['kandas'] };
      const event: NewEvent = newEvent('ApplicationSubmitted', data);
      await ctx.store.append('application-1', [event], { expectedRevision: 'no-stream' });
      data.applicant.name = 'changed';
      data.tags.push('changed');
      (event.metadata.actor as { id: string }).id = 'changed';
      const [stored] = await collect(ctx.store.readStream('application-1'));
      expect(stored!.data).toEqual({ applicant: { name: 'Айгүл' }, tags: ['kandas'] });
      expect(stored!.metadata.actor.id).toBe('officer-17');
    });

    it('hands out events a reader may mutate without changing what the next reader gets', async () => {
      await ctx.store.append('application-1', [newEvent('ApplicationSubmitted', { applicant: { name: 'Айгүл' } })], {
        expectedRevision: 'no-stream',
      });
      const [first] = await collect(ctx.store.readStream('application-1'));
      (first!.data as { applicant: { name: string } }).applicant.name = 'changed';
      (first!.metadata.actor as { id: string }).id = 'changed';
      const [again] = await collect(ctx.store.readAll());
      expect(again!.data).toEqual({ applicant: { name: 'Айгүл' } });
      expect(again!.metadata.actor.id).toBe('officer-17');
    });
  });
}

export function healthRules(ctx: ContractContext): void {
  describe('health (what a readiness check asks)', () => {
    it('says an open store can take appends, and appends nothing to find out', async () => {
      await ctx.store.append('application-1', newEvents(1), { expectedRevision: 'no-stream' });
      const head = await ctx.store.headPosition();
      await expect(ctx.store.checkHealth()).resolves.toEqual({ ok: true });
      expect(await ctx.store.headPosition()).toBe(head);
    });

    it('says a closed store is closed, and refuses appends with EVENT_STORE.UNAVAILABLE', async () => {
      const store = await ctx.reopen();
      await store.close();
      await expect(store.checkHealth()).resolves.toMatchObject({
        ok: false,
        fault: 'closed',
        detail: expect.any(String),
      });
      await expect(store.append('application-1', newEvents(1), { expectedRevision: 'any' })).rejects.toMatchObject({
        code: 'EVENT_STORE.UNAVAILABLE',
        fault: 'closed',
      });
    });
  });
}
