import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { eventStoreContract } from './event-store.contract';

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kandas-'));
  // A small page makes every read and subscription cross page boundaries; NORMAL keeps the run fast.
  const open = () => SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL', pollIntervalMs: 20, pageSize: 16 });
  const stores = [open()];
  return {
    store: stores[0]!,
    reopen: async () => {
      const reopened = open();
      stores.push(reopened);
      return reopened;
    },
    dispose: async () => {
      for (const store of stores) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
