import { EventStore } from '@libs/event-sourcing';
import { InMemoryEventLog, InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { eventStoreContract } from './event-store.contract';

eventStoreContract('in-memory', async () => {
  const log = new InMemoryEventLog();
  const stores: EventStore[] = [new InMemoryEventStore(log)];
  return {
    store: stores[0]!,
    reopen: async () => {
      const reopened = new InMemoryEventStore(log);
      stores.push(reopened);
      return reopened;
    },
    dispose: async () => {
      for (const store of stores) await store.close();
    },
  };
});
