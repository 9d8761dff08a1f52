import { CommandBus, ICommand } from '@nestjs/cqrs';
import {
  DEFAULT_RETRY_POLICY,
  isStoreOutage,
  eventIdFor,
  EventStoreUnavailableError,
  InMemoryDeadLetterStore,
  RecordedEvent,
} from '@libs/event-sourcing';
import { DomainCommand, DurableSaga, DurableSagaRunner, sagaStepContext } from '@libs/event-sourcing-nest';
import { TestClock } from '@libs/testing';

class Act extends DomainCommand<{ n: number }> {}
class Undo extends DomainCommand<{ n: number }> {}
class RuleRefusal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const clock = new TestClock('2026-03-02T05:00:00.000Z');

/** One step per `Happened` event: act, and undo should the target say it is closed. */
const actingSaga: DurableSaga = {
  eventTypes: ['Happened'],
  partitionOf: (e) => e.streamId,
  commandsFor: (e) => {
    const { n } = e.data as { n: number };
    const undo = new Undo({ n }, sagaStepContext(e, 'undo', clock.now()));
    return [new Act({ n }, sagaStepContext(e, 'act', clock.now())).whenRejected(['TARGET.CLOSED'], undo)];
  },
};

function recorded(n: number): RecordedEvent {
  return {
    eventId: eventIdFor('runner-spec', n),
    streamId: 'thing-1',
    revision: n,
    position: BigInt(n),
    type: 'Happened',
    schemaVersion: 1,
    data: { n },
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      commandId: 'c',
      actor: { id: 'a', role: 'r' },
      occurredAt: '2026-03-02T05:00:00.000Z',
    },
    recordedAt: '2026-03-02T05:00:00.000Z',
  };
}

function runnerWith(execute: (command: ICommand) => Promise<unknown>) {
  const waits: number[] = [];
  const deadLetters = new InMemoryDeadLetterStore();
  const runner = new DurableSagaRunner({
    name: 'spec-saga',
    saga: actingSaga,
    // The runner only calls execute(); a whole CommandBus needs a Nest module around it.
    commandBus: { execute } as unknown as CommandBus,
    deadLetters,
    retry: DEFAULT_RETRY_POLICY,
    wait: async (ms) => void waits.push(ms),
    clock,
    logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return { runner, waits, deadLetters };
}

describe('durable saga runner', () => {
  it('subscribes to the event types the saga acts on, and runs each step in the partition the saga names', () => {
    const { runner } = runnerWith(async () => undefined);
    expect(runner.filter.eventTypes).toEqual(['Happened']);
    expect(runner.partitionOf(recorded(1))).toBe('thing-1');
  });

  it('executes the commands an event maps to, with ids derived from the event', async () => {
    const executed: ICommand[] = [];
    const { runner } = runnerWith(async (c) => void executed.push(c));
    await runner.handle(recorded(1));
    await runner.handle(recorded(1));
    expect(executed).toHaveLength(2);
    expect((executed[0] as Act).context.commandId).toBe((executed[1] as Act).context.commandId);
    expect((executed[0] as Act).context).toMatchObject({
      causationId: eventIdFor('runner-spec', 1),
      actor: { id: 'review-saga', role: 'system' },
    });
  });

  it('retries a transient failure with exponential backoff, without sleeping', async () => {
    let calls = 0;
    const { runner, waits, deadLetters } = runnerWith(async () => {
      calls += 1;
      if (calls < 3) throw new EventStoreUnavailableError('database is locked');
    });
    await runner.handle(recorded(1));
    expect(calls).toBe(3);
    expect(waits).toEqual([200, 400]);
    expect(await deadLetters.list()).toEqual([]);
  });

  it('parks the event after the last attempt, with the error, and skips it when it is delivered again', async () => {
    let calls = 0;
    const { runner, waits, deadLetters } = runnerWith(async () => {
      calls += 1;
      throw new Error('the bank gateway timed out');
    });
    await runner.handle(recorded(1));
    expect(waits).toEqual([200, 400, 800, 1600]);
    expect(await deadLetters.list()).toEqual([
      expect.objectContaining({
        eventId: eventIdFor('runner-spec', 1),
        attempts: 5,
        status: 'parked',
        error: expect.objectContaining({ message: 'the bank gateway timed out' }),
      }),
    ]);
    await runner.handle(recorded(1));
    expect(calls).toBe(5);
  });

  it('stops at the event instead of parking it when the store is down after the last attempt: the step runs again once it is back', async () => {
    let down = true;
    let calls = 0;
    const { runner, waits, deadLetters } = runnerWith(async () => {
      calls += 1;
      if (down) throw new EventStoreUnavailableError('disk is full', { fault: 'disk-full' });
    });
    await expect(runner.handle(recorded(1))).rejects.toMatchObject({ fault: 'disk-full' });
    expect(waits).toEqual([200, 400, 800, 1600]);
    expect(await deadLetters.list()).toEqual([]);
    down = false;
    await runner.handle(recorded(1));
    expect(calls).toBe(6);
    expect(await deadLetters.list()).toEqual([]);
  });

  it('counts a full or locked read-model database as the store being down, and a constraint failure as a bug to park', () => {
    const sqlite = (code: string) => Object.assign(new Error(code), { code });
    expect(
      ['SQLITE_FULL', 'SQLITE_BUSY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_IOERR_WRITE', 'SQLITE_CORRUPT', 'SQLITE_READONLY']
        .map(sqlite)
        .every(isStoreOutage),
    ).toBe(true);
    expect(isStoreOutage(sqlite('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(isStoreOutage(new Error('no code'))).toBe(false);
  });

  it('treats an expected refusal as "nothing to do" and runs the compensation', async () => {
    const executed: string[] = [];
    const { runner, deadLetters } = runnerWith(async (c) => {
      executed.push(c.constructor.name);
      if (c instanceof Act) throw new RuleRefusal('TARGET.CLOSED');
    });
    await runner.handle(recorded(1));
    expect(executed).toEqual(['Act', 'Undo']);
    expect(await deadLetters.list()).toEqual([]);
  });

  it('parks at once an unexpected refusal by a rule: waiting cannot change the answer', async () => {
    const { runner, waits, deadLetters } = runnerWith(async () => {
      throw new RuleRefusal('TARGET.SOMETHING_ELSE');
    });
    await runner.handle(recorded(1));
    expect(waits).toEqual([]);
    expect(await deadLetters.list()).toEqual([
      expect.objectContaining({ attempts: 1, error: expect.objectContaining({ code: 'TARGET.SOMETHING_ELSE' }) }),
    ]);
  });

  it('resolves a parked event that succeeds on retry, and parks it again with the new error when it does not', async () => {
    let failWith: Error | null = new RuleRefusal('TARGET.BROKEN');
    const { runner, deadLetters } = runnerWith(async () => {
      if (failWith) throw failWith;
    });
    await runner.handle(recorded(1));
    failWith = new RuleRefusal('TARGET.STILL_BROKEN');
    expect(await runner.retryParked(recorded(1))).toMatchObject({ kind: 'parked' });
    expect(await deadLetters.get('spec-saga', eventIdFor('runner-spec', 1))).toMatchObject({
      status: 'parked',
      attempts: 2,
      error: { code: 'TARGET.STILL_BROKEN' },
    });
    failWith = null;
    expect(await runner.retryParked(recorded(1))).toEqual({ kind: 'done', commands: 1 });
    expect(await deadLetters.get('spec-saga', eventIdFor('runner-spec', 1))).toMatchObject({
      status: 'resolved',
      resolvedAt: clock.now().toISOString(),
    });
  });
});
