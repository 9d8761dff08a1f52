import { randomUUID } from 'node:crypto';
import { EventStoreDbEventStore } from '@infra/event-store/eventstoredb/eventstoredb-event-store';
import { eventStoreContract } from './event-store.contract';
import { reopenableHarness } from './suite/context';
import { EVENTSTOREDB_CAPABILITIES } from './eventstoredb-capabilities';

/**
 * The whole contract against a REAL EventStoreDB (KurrentDB) node or cluster, when
 * EVENTSTORE_CONNECTION_STRING names one (e.g. `esdb://localhost:2113?tls=false`); skipped otherwise.
 *
 * A real server's log is shared and never emptied, so every test gets its own namespace (a stream-id
 * prefix unique to this run and test): the adapter then sees, in `$all` reads, subscriptions and the
 * head position, only the streams it wrote in this test — an empty store, as the contract expects.
 * `reopen()` is a second adapter with its own client in the same namespace.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const run = randomUUID().slice(0, 8);
let testNumber = 0;

if (connectionString) {
  eventStoreContract(
    `eventstoredb (real server at ${connectionString})`,
    async () => {
      testNumber += 1;
      const namespace = `kandas-contract-${run}-${testNumber}-`;
      const open = () => new EventStoreDbEventStore(connectionString, { namespace });
      return reopenableHarness(open);
    },
    EVENTSTOREDB_CAPABILITIES,
  );
} else {
  describe.skip('EventStore contract: eventstoredb (real server) — set EVENTSTORE_CONNECTION_STRING (esdb://host:2113?tls=false) to run it', () => {
    it('needs a real EventStoreDB', () => undefined);
  });
}
