import { EventStore } from '@libs/event-sourcing';
import { RuntimeConfig } from '@infra/config/runtime-config';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** The adapter the configuration names; SQLite is the zero-setup default. */
export function openEventStore(config: RuntimeConfig): EventStore {
  switch (config.eventStore) {
    case 'sqlite':
      return SqliteEventStore.open({
        filename: config.eventsFile,
        synchronous: config.sqliteSynchronous,
        busyTimeoutMs: config.sqliteBusyTimeoutMs,
        minFreeBytes: config.minFreeDiskBytes,
      });
    case 'memory':
      return new InMemoryEventStore();
    case 'eventstoredb':
      if (!config.eventStoreConnectionString)
        throw new Error('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
      return new EventStoreDbEventStore(config.eventStoreConnectionString, { namespace: config.eventStoreNamespace });
  }
}
