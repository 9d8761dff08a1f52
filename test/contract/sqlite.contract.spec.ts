import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { eventStoreContract } from './event-store.contract';
import { reopenableHarness } from './suite/context';

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kandas-'));
  // A small page makes every read and subscription cross page boundaries; NORMAL keeps the run fast.
  const open = () => SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL', pollIntervalMs: 20, pageSize: 16 });
  return reopenableHarness(open, () => rmSync(dir, { recursive: true, force: true }));
});
