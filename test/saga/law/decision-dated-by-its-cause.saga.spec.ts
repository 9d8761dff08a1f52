import { CommandBus, type ICommand } from '@nestjs/cqrs';
import { DomainCommand } from '@libs/event-sourcing-nest';
import { SagaHarness } from '../support/saga-harness';
import { review, submitAndSign } from '../support/scenario';

/** 23:59:59 on 31 December 2026 in Kazakhstan (UTC+5), and half a minute into 2027. */
const LAST_SECOND_OF_2026 = '2026-12-31T18:59:59.000Z';
const INTO_2027 = '2026-12-31T19:00:30.000Z';

const typeOf = (command: ICommand): string | undefined =>
  command instanceof DomainCommand ? (command.payload as { type?: string }).type : undefined;

describe('a decision is dated by the event that caused it, not by when its step ran', () => {
  let h: SagaHarness;
  afterEach(() => h.close());

  it('given seats reserved at 23:59:59 on 31 December 2026, when the inclusion step fails once and is retried after midnight, then the inclusion is dated 31 December 2026, numbered in 2026, with 2026’s MCI', async () => {
    h = await SagaHarness.start({ onWait: () => h.clock.set(INTO_2027) });
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    h.clock.set('2026-12-15T05:00:00.000Z');
    const id = await submitAndSign(h);
    await h.settle();

    // The inclusion's first run meets a transient failure (no code: retried); the clock moves past
    // midnight during the backoff.
    const bus = h.app.get(CommandBus);
    const execute = bus.execute.bind(bus);
    let failed = false;
    jest.spyOn(bus, 'execute').mockImplementation(async (command: ICommand) => {
      if (!failed && typeOf(command) === 'IncludeInQuota') {
        failed = true;
        throw new Error('The store was briefly unavailable');
      }
      return execute(command);
    });
    h.clock.set(LAST_SECOND_OF_2026);
    await review(h, id, 'eligible');
    await h.settle();

    expect(failed).toBe(true);
    expect(h.waits).toHaveLength(1);
    expect(h.clock.now().toISOString()).toBe(INTO_2027);
    const events = await h.events(`application-${id}`);
    const reserved = (await h.quotaEvents('pavlodar', 2026, 'kandas')).find((e) => e.type === 'SeatsReserved')!;
    expect(reserved.metadata.occurredAt).toBe(LAST_SECOND_OF_2026);
    const included = events.find((e) => e.type === 'ApplicationIncluded')!;
    expect(included.data).toMatchObject({
      year: 2026,
      decision: { date: '2026-12-31', number: expect.stringMatching(/^KQ-2026-/) },
      decidedAt: LAST_SECOND_OF_2026,
    });
    expect(included.metadata.occurredAt).toBe(LAST_SECOND_OF_2026);
    // 2027's MCI is not recorded: a step dated 1 January 2027 would wait for it instead.
    expect(events.filter((e) => e.type === 'SubsidyGranted').map((e) => e.data)).toEqual([
      expect.objectContaining({
        kind: 'relocation',
        amount: 70 * 3 * 4325,
        mci: expect.objectContaining({ year: 2026 }),
      }),
      expect.objectContaining({ kind: 'rent', amount: 20 * 4325 * 12 }),
    ]);
    expect(await h.deadLetters.list()).toEqual([]);
  });
});
