import { EventStoreError, ExpectedRevision, WrongExpectedRevisionError } from '@libs/event-sourcing';
import { collect, idsOf, newEvents, rejectionOf, revisionsOf } from '../fixtures';
import { ContractContext } from './context';

export function expectedRevisionRules(ctx: ContractContext): void {
  describe('expected revision', () => {
    const append = (expectedRevision: ExpectedRevision, streamId = 'application-1') =>
      ctx.store.append(streamId, newEvents(1), { expectedRevision });

    /** Asserts the append is refused as a conflict reporting `actual`, and that it wrote nothing. */
    async function expectConflict(
      expected: ExpectedRevision,
      actual: number,
      streamId = 'application-1',
    ): Promise<void> {
      const head = await ctx.store.headPosition();
      const error = await rejectionOf(append(expected, streamId));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toBeInstanceOf(EventStoreError);
      expect(error).toMatchObject({ code: 'EVENT_STORE.WRONG_EXPECTED_REVISION', streamId, expected, actual });
      expect(await ctx.store.streamRevision(streamId)).toBe(actual);
      expect(await ctx.store.headPosition()).toBe(head);
    }

    it('accepts an exact revision equal to the last revision of the stream', async () => {
      await ctx.store.append('application-1', newEvents(3), { expectedRevision: 'no-stream' });
      await expect(append(2)).resolves.toMatchObject({ nextExpectedRevision: 3 });
    });

    it('refuses an exact revision behind or ahead of the stream, reporting the actual revision', async () => {
      await ctx.store.append('application-1', newEvents(3), { expectedRevision: 'no-stream' });
      await expectConflict(1, 2);
      await expectConflict(3, 2);
    });

    it('refuses an exact revision on a missing stream, reporting -1', async () => {
      await expectConflict(0, -1);
      expect(await collect(ctx.store.readStream('application-1'))).toEqual([]);
    });

    it("treats an exact -1 as 'no-stream'", async () => {
      await expect(append(-1)).resolves.toMatchObject({ nextExpectedRevision: 0 });
      await expectConflict(-1, 0);
    });

    it("accepts 'no-stream' only for a stream that holds no event", async () => {
      await expect(append('no-stream')).resolves.toMatchObject({ nextExpectedRevision: 0 });
      await expectConflict('no-stream', 0);
    });

    it("accepts 'stream-exists' only for a stream that holds an event", async () => {
      await expectConflict('stream-exists', -1);
      await append('no-stream');
      await expect(append('stream-exists')).resolves.toMatchObject({ nextExpectedRevision: 1 });
    });

    it("accepts 'any' whether or not the stream exists", async () => {
      await expect(append('any')).resolves.toMatchObject({ nextExpectedRevision: 0 });
      await expect(append('any')).resolves.toMatchObject({ nextExpectedRevision: 1 });
    });

    it('checks the revision of the stream appended to, not of the others', async () => {
      await ctx.store.append('application-2', newEvents(5), { expectedRevision: 'no-stream' });
      await expect(append('no-stream', 'application-1')).resolves.toMatchObject({ nextExpectedRevision: 0 });
      await expectConflict(0, 4, 'application-2');
    });
  });
}

export function concurrencyRules(ctx: ContractContext): void {
  describe('concurrent writers', () => {
    /** `count` writers append their own batch at the same expected revision, all at once. */
    async function race(count: number, expectedRevision: ExpectedRevision) {
      const batches = Array.from({ length: count }, () => newEvents(3));
      const outcomes = await Promise.allSettled(
        batches.map((batch) => ctx.store.append('application-1', batch, { expectedRevision })),
      );
      const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [batches[index]!] : []));
      const errors = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
      return { winners, errors };
    }

    it.each([2, 20])(
      'lets exactly one of %i writers at the same expected revision win; the others conflict',
      async (count) => {
        const history = newEvents(2);
        await ctx.store.append('application-1', history, { expectedRevision: 'no-stream' });
        const { winners, errors } = await race(count, 1);
        expect(winners).toHaveLength(1);
        expect(errors).toHaveLength(count - 1);
        errors.forEach((error) => expect(error).toBeInstanceOf(WrongExpectedRevisionError));
        const stream = await collect(ctx.store.readStream('application-1'));
        expect(idsOf(stream)).toEqual([...idsOf(history), ...idsOf(winners[0]!)]);
      },
    );

    it.each([2, 20])("lets exactly one of %i writers create a stream with 'no-stream'", async (count) => {
      const { winners, errors } = await race(count, 'no-stream');
      expect(winners).toHaveLength(1);
      errors.forEach((error) => expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', actual: 2 }));
      expect(idsOf(await collect(ctx.store.readStream('application-1')))).toEqual(idsOf(winners[0]!));
    });

    it('lands every batch, whole and contiguous, when losers reload the revision and retry', async () => {
      const batches = Array.from({ length: 10 }, () => newEvents(3));
      await Promise.all(
        batches.map(async (batch) => {
          for (;;) {
            const revision = await ctx.store.streamRevision('application-1');
            try {
              return await ctx.store.append('application-1', batch, { expectedRevision: revision });
            } catch (error) {
              if (!(error instanceof WrongExpectedRevisionError)) throw error;
            }
          }
        }),
      );
      const stream = await collect(ctx.store.readStream('application-1'));
      expect(revisionsOf(stream)).toEqual(Array.from({ length: 30 }, (_, revision) => revision));
      for (const batch of batches) {
        const start = stream.findIndex((event) => event.eventId === batch[0]!.eventId);
        expect(idsOf(stream.slice(start, start + 3))).toEqual(idsOf(batch));
      }
    });
  });
}
