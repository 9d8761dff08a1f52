import { CommandBus, ICommand, IEvent, ofType as nestOfType, Saga } from '@nestjs/cqrs';
import { map, merge, Observable } from 'rxjs';
import { DEFAULT_RETRY_POLICY, EventTypeRegistry, InMemoryDeadLetterStore, StoredEvent } from '@libs/event-sourcing';
import { DomainCommand, DurableSagaRunner, ofType, SagaFunction, sagaFunctionsOf, sagaStepContext } from '@libs/event-sourcing-nest';
import { TestClock } from '@libs/testing';

class Opened extends StoredEvent<{ n: number }> {}
class Closed extends StoredEvent<{ n: number }> {}
class Noted extends StoredEvent<{ n: number }> {}
class Unregistered extends StoredEvent<{ n: number }> {}
class Act extends DomainCommand<{ n: number }> {}

const clock = new TestClock('2026-03-02T05:00:00.000Z');
const act = (e: StoredEvent<{ n: number }>) => new Act({ n: e.data.n }, sagaStepContext(e, 'act', clock));

class OnOpenedOrClosed {
  @Saga()
  opened = (events$: Observable<IEvent>) => events$.pipe(ofType(Opened), map(act));

  @Saga()
  closed = (events$: Observable<IEvent>) => merge(events$.pipe(ofType(Closed), map(act)), events$.pipe(ofType(Opened), map(act)));
}

class WithNestsOwnOfType {
  @Saga()
  noted = (events$: Observable<IEvent>) => events$.pipe(nestOfType(Noted), map(act));
}

class OnAnUnregisteredClass {
  @Saga()
  unregistered = (events$: Observable<IEvent>) => events$.pipe(ofType(Unregistered), map(act));
}

function runnerOf(sagas: SagaFunction[]): DurableSagaRunner {
  return new DurableSagaRunner({
    name: 'spec-saga',
    sagas,
    registry: new EventTypeRegistry()
      .register({ type: 'Opened', schemaVersion: 1, eventClass: Opened })
      .register({ type: 'Closed', schemaVersion: 1, eventClass: Closed })
      .register({ type: 'Noted', schemaVersion: 1, eventClass: Noted }),
    commandBus: { execute: async (_command: ICommand) => undefined } as unknown as CommandBus,
    deadLetters: new InMemoryDeadLetterStore(),
    retry: DEFAULT_RETRY_POLICY,
    wait: async () => undefined,
    clock,
    logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
  });
}

describe('durable saga runner: it subscribes to the event types its sagas act on', () => {
  it('takes them from the sagas’ ofType, once each', () => {
    expect(runnerOf(sagaFunctionsOf([new OnOpenedOrClosed()])).filter.eventTypes.sort()).toEqual(['Closed', 'Opened']);
  });

  it('takes every registered type when a saga names its events with Nest’s own ofType: it must not miss one', () => {
    expect(runnerOf(sagaFunctionsOf([new OnOpenedOrClosed(), new WithNestsOwnOfType()])).filter.eventTypes.sort()).toEqual(['Closed', 'Noted', 'Opened']);
  });

  it('refuses at start-up a saga acting on a class no registered type stores', () => {
    expect(() => runnerOf(sagaFunctionsOf([new OnAnUnregisteredClass()]))).toThrow('OnAnUnregisteredClass.unregistered acts on Unregistered, which no registered event type stores');
  });
});
