import { Type } from '@nestjs/common';
import { IEvent, ofType as nestOfType } from '@nestjs/cqrs';
import { EMPTY } from 'rxjs';
import type { SagaFunction } from './saga-functions';

let recording: Array<Type<IEvent>> | undefined;

/**
 * Nest's `ofType`, which also tells the DurableSagaRunner which event classes a saga acts on, so
 * that its subscription carries only those (most events of an application start no step). A saga
 * built with Nest's own `ofType` works as well; it is then fed every event.
 */
export function ofType<TInput extends IEvent, T extends Array<Type<IEvent>>>(...types: T): ReturnType<typeof nestOfType<TInput, T>> {
  recording?.push(...types);
  return nestOfType<TInput, T>(...types);
}

/**
 * The event classes `saga` filters on with this module's `ofType` while its stream is built, or
 * undefined when it names none (it uses Nest's `ofType`, or none): then it must see every event.
 */
export function eventClassesActedOn(saga: SagaFunction): Array<Type<IEvent>> | undefined {
  const seen: Array<Type<IEvent>> = [];
  recording = seen;
  try {
    saga(EMPTY);
  } finally {
    recording = undefined;
  }
  return seen.length > 0 ? seen : undefined;
}
