import { InMemoryEventLog, InMemoryEventStore } from '@infra/event-store/in-memory/in-memory-event-store';
import { eventStoreContract } from './event-store.contract';
import { reopenableHarness } from './suite/context';

eventStoreContract('in-memory', async () => {
  const log = new InMemoryEventLog();
  return reopenableHarness(() => new InMemoryEventStore(log));
});
