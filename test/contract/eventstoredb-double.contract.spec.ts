import { EventStoreDbEventStore } from '@infra/event-store/eventstoredb/eventstoredb-event-store';
import { EventStoreDbWireDouble } from '../support/eventstoredb-double';
import { eventStoreContract } from './event-store.contract';
import { reopenableHarness } from './suite/context';
import { EVENTSTOREDB_CAPABILITIES } from './eventstoredb-capabilities';

/**
 * The whole contract against the EventStoreDB adapter, over real gRPC with the real client, on the
 * wire-level double of an EventStoreDB node (test/support/eventstoredb-double): once with BatchAppend
 * advertised (the client's path against a current server) and once with unary Append only. Each test
 * gets a fresh double; `reopen()` is a second adapter with its own client on the same double. The
 * double writes system events at start and `$statsCollected` every 100 ms, in the middle of every
 * test's own events, as a real node that stores its stats does (every 30 s there).
 */
for (const batchAppend of [true, false]) {
  eventStoreContract(
    `eventstoredb (wire double, ${batchAppend ? 'BatchAppend' : 'unary Append'})`,
    async () => {
      const double = await EventStoreDbWireDouble.start({ batchAppend, statsPeriodMs: 100 });
      const open = () => new EventStoreDbEventStore(double.connectionString);
      return reopenableHarness(open, () => double.stop());
    },
    EVENTSTOREDB_CAPABILITIES,
  );
}
