import { randomUUID } from 'node:crypto';
import {
  AppendResult,
  DuplicateEventIdError,
  EventMetadata,
  EventStoreError,
  ExpectedRevision,
  InvalidAppendError,
  NewEvent,
  WrongExpectedRevisionError,
} from '@libs/event-sourcing';
import { collect, idsOf, newEvent, newEvents, rejectionOf } from '../fixtures';
import { ContractContext, itRequires } from './context';

export function atomicBatchRules(ctx: ContractContext): void {
  describe('atomic batches', () => {
    /** Appends `events` after a one-event history; the append must fail and leave the store as it was. */
    async function expectRefusedWithNothingWritten(
      events: readonly NewEvent[],
      errorType: typeof InvalidAppendError | typeof DuplicateEventIdError = InvalidAppendError,
    ) {
      await ctx.store.append('application-1', newEvents(1), { expectedRevision: 'no-stream' });
      const before = await collect(ctx.store.readAll());
      const error = await rejectionOf(ctx.store.append('application-1', events, { expectedRevision: 0 }));
      expect(error).toBeInstanceOf(errorType);
      expect(await ctx.store.streamRevision('application-1')).toBe(0);
      expect(await ctx.store.headPosition()).toBe(before[before.length - 1]!.position);
      expect(idsOf(await collect(ctx.store.readAll()))).toEqual(idsOf(before));
    }
    const withInvalidLast = (invalid: NewEvent): NewEvent[] => [...newEvents(3), invalid];

    it('refuses an empty batch', async () => {
      await expectRefusedWithNothingWritten([]);
    });

    it('writes nothing of a batch whose last event id is not a lower-case UUID', async () => {
      await expectRefusedWithNothingWritten(withInvalidLast(newEvent('Tested', {}, { eventId: 'not-a-uuid' })));
      const upper = randomUUID().toUpperCase();
      await expect(
        ctx.store.append('application-2', [newEvent('Tested', {}, { eventId: upper })], { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(InvalidAppendError);
    });

    it('writes nothing of a batch whose last event data cannot be stored as JSON (a BigInt)', async () => {
      await expectRefusedWithNothingWritten(withInvalidLast(newEvent('Tested', { amount: 10n })));
    });

    it('writes nothing of a batch that repeats an event id', async () => {
      const [first, second] = newEvents(2);
      await expectRefusedWithNothingWritten([first!, second!, { ...first!, data: { n: 9 } }]);
    });

    it('writes nothing of a batch with an event lacking metadata', async () => {
      // Through unknown: an event the type system would refuse, as untyped callers could still send it.
      const incomplete = { ...newEvent('Tested', {}), metadata: undefined as unknown as EventMetadata };
      await expectRefusedWithNothingWritten(withInvalidLast(incomplete));
    });

    itRequires(ctx, 'globalEventIdUniqueness')(
      'writes nothing of a batch whose last event id is already stored in another stream',
      async () => {
        const elsewhere = newEvent('Tested', {});
        await ctx.store.append('application-2', [elsewhere], { expectedRevision: 'no-stream' });
        await expectRefusedWithNothingWritten(withInvalidLast(elsewhere), DuplicateEventIdError);
      },
    );
  });
}

export function idempotencyRules(ctx: ContractContext): void {
  describe('idempotent retry', () => {
    const append = (events: readonly NewEvent[], expectedRevision: ExpectedRevision, streamId = 'application-1') =>
      ctx.store.append(streamId, events, { expectedRevision });

    /** Appends `batch` at `expected` after `historyLength` events, then retries it exactly. */
    async function appendTwice(historyLength: number, expected: ExpectedRevision) {
      if (historyLength > 0) await append(newEvents(historyLength), 'no-stream');
      const batch = newEvents(3);
      const original = await append(batch, expected);
      const retried = await append(batch, expected);
      return { batch, original, retried };
    }

    async function expectStreamIds(ids: string[]): Promise<void> {
      expect(idsOf(await collect(ctx.store.readStream('application-1')))).toEqual(ids);
    }

    it.each<[string, number, ExpectedRevision]>([
      ['an exact revision', 2, 1],
      ["'no-stream'", 0, 'no-stream'],
      ["'stream-exists'", 2, 'stream-exists'],
      ["'any'", 2, 'any'],
    ])('returns the original result and writes nothing when a batch is retried at %s', async (_, history, expected) => {
      const { batch, original, retried } = await appendTwice(history, expected);
      expect(retried).toEqual({ ...original, alreadyStored: true });
      expect(original.alreadyStored).toBeUndefined();
      expect(await ctx.store.streamRevision('application-1')).toBe(history + 2);
      expect(await collect(ctx.store.readAll())).toHaveLength(history + 3);
      expect(idsOf(await collect(ctx.store.readStream('application-1', { fromRevision: history })))).toEqual(
        idsOf(batch),
      );
    });

    it('still recognises the retry after other events were appended to the stream', async () => {
      const batch = newEvents(2);
      const original: AppendResult = await append(batch, 'no-stream');
      const later = newEvents(2);
      await append(later, 1);
      await expect(append(batch, 'no-stream')).resolves.toEqual({ ...original, alreadyStored: true });
      await expectStreamIds([...idsOf(batch), ...idsOf(later)]);
    });

    it('refuses the same ids at another expected revision as a conflict', async () => {
      const { batch } = await appendTwice(2, 1);
      const error = await rejectionOf(append(batch, 0));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ actual: 4 });
      await expect(append(batch, 'no-stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await ctx.store.streamRevision('application-1')).toBe(4);
    });

    it('says of itself what it guarantees: eventIdsUniqueStoreWide is its declared capability (ADR 17)', () => {
      // handleCommand claims an Idempotency-Key in a stream of its own unless the store says this.
      expect(ctx.store.eventIdsUniqueStoreWide === true).toBe(ctx.capabilities.globalEventIdUniqueness !== false);
    });

    itRequires(ctx, 'globalEventIdUniqueness')(
      'refuses an id already stored in another stream as a duplicate',
      async () => {
        const batch = newEvents(2);
        await append(batch, 'no-stream', 'application-2');
        const error = await rejectionOf(append(batch, 'any', 'application-1'));
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(error).toMatchObject({
          code: 'EVENT_STORE.DUPLICATE_EVENT_ID',
          eventId: batch[0]!.eventId,
          existingStreamId: 'application-2',
          existingRevision: 0,
        });
        expect(await ctx.store.streamRevision('application-1')).toBe(-1);
      },
    );

    it('refuses a batch that overlaps a stored one only in part, whichever side the overlap is on', async () => {
      const batch = newEvents(2);
      await append(batch, 'no-stream');
      const fresh = newEvents(2);
      const overlaps: NewEvent[][] = [
        [batch[0]!, fresh[0]!], // starts like the stored batch, then goes on
        [fresh[1]!, batch[1]!], // new first, then a stored id
        [...batch, fresh[0]!], // the stored batch plus one more
      ];
      for (const overlap of overlaps) {
        const error = await rejectionOf(append(overlap, 'any'));
        expect(error).toBeInstanceOf(EventStoreError);
        expect(error).not.toBeInstanceOf(InvalidAppendError);
      }
      await expectStreamIds(idsOf(batch));
      expect(await collect(ctx.store.readAll())).toHaveLength(2);
    });
  });
}
