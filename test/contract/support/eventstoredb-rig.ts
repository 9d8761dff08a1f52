import { EventStoreDBClient } from '@eventstore/db-client';
import {
  EventStoreDbEventStore,
  EventStoreDbEventStoreOptions,
} from '@infra/event-store/eventstoredb/eventstoredb-event-store';
import { EventStoreDbWireDouble, WireDoubleOptions } from '../../support/eventstoredb-double';

/** An EventStoreDB adapter on a fresh wire double, with whatever a test of the adapter needs around it. */
export interface Rig {
  readonly double: EventStoreDbWireDouble;
  readonly store: EventStoreDbEventStore;
  /** Every wait the store's re-subscription asked for, in ms (the wait itself resolves at once). */
  readonly waits: number[];
  /** Another adapter on the same double. */
  open(options?: EventStoreDbEventStoreOptions): EventStoreDbEventStore;
  /** The raw client on the same double: what the server holds, without the adapter. */
  rawClient(): EventStoreDBClient;
}

export type StartRig = (
  doubleOptions?: WireDoubleOptions,
  storeOptions?: EventStoreDbEventStoreOptions,
) => Promise<Rig>;

/** `rig(...)` for the tests of a spec file; everything it opened is closed after each test. */
export function eventStoreDbRigs(): StartRig {
  let rigs: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    const closing = rigs;
    rigs = [];
    for (const r of closing) await r.close();
  });
  return async (doubleOptions = {}, storeOptions = {}) => {
    const double = await EventStoreDbWireDouble.start(doubleOptions);
    const stores: EventStoreDbEventStore[] = [];
    const clients: EventStoreDBClient[] = [];
    const waits: number[] = [];
    const open = (options: EventStoreDbEventStoreOptions = storeOptions) => {
      const store = new EventStoreDbEventStore(double.connectionString, {
        resubscribe: { wait: async (ms) => void waits.push(ms) },
        ...options,
      });
      stores.push(store);
      return store;
    };
    const store = open();
    rigs.push({
      close: async () => {
        for (const s of stores) await s.close();
        for (const c of clients) await c.dispose();
        await double.stop();
      },
    });
    return {
      double,
      store,
      waits,
      open,
      rawClient: () => {
        const client = EventStoreDBClient.connectionString(double.connectionString);
        clients.push(client);
        return client;
      },
    };
  };
}
