import 'reflect-metadata';
import { ICommand, IEvent } from '@nestjs/cqrs';
import { Observable } from 'rxjs';

/** Nest's @Saga() records the decorated property names under this key (@nestjs/cqrs decorators/constants). */
const SAGA_METADATA = '__saga__';

export type SagaFunction = ((events$: Observable<IEvent>) => Observable<ICommand>) & { readonly sagaName: string };

/** The @Saga() streams of the given instances, bound, named `Class.property`. */
export function sagaFunctionsOf(instances: readonly object[]): SagaFunction[] {
  return instances.flatMap((instance) => {
    const keys: string[] = Reflect.getMetadata(SAGA_METADATA, instance.constructor) ?? [];
    if (keys.length === 0) throw new Error(`${instance.constructor.name} has no @Saga() stream`);
    return keys.map((key) => {
      const saga = (instance as Record<string, (e$: Observable<IEvent>) => Observable<ICommand>>)[key]!.bind(instance);
      return Object.assign(saga, { sagaName: `${instance.constructor.name}.${key}` });
    });
  });
}
