import { StoreCapabilities, StoreHarness, useHarness } from './suite/context';
import { atomicBatchRules, idempotencyRules } from './suite/batches';
import { concurrencyRules, expectedRevisionRules } from './suite/expected-revisions';
import { healthRules, largeStreamRules, reopenRules, roundTripRules } from './suite/durability';
import { orderingRules, readAllRules, readStreamRules } from './suite/reads';
import { subscriptionRules } from './suite/subscriptions';

export type { StoreCapabilities, StoreHarness } from './suite/context';

/**
 * The specification of the EventStore port. Every adapter runs it unchanged; `harness` returns a
 * fresh, empty store for each test. Nothing here assumes where positions start or that they are
 * contiguous: only that they are bigints, strictly increasing in commit order. `capabilities`: what
 * the adapter declares it cannot guarantee (see StoreCapabilities); nothing, for a complete adapter.
 */
export function eventStoreContract(
  adapterName: string,
  harness: () => Promise<StoreHarness>,
  capabilities: StoreCapabilities = {},
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    const ctx = useHarness(harness, capabilities);
    orderingRules(ctx);
    readStreamRules(ctx);
    readAllRules(ctx);
    expectedRevisionRules(ctx);
    concurrencyRules(ctx);
    atomicBatchRules(ctx);
    idempotencyRules(ctx);
    subscriptionRules(ctx);
    largeStreamRules(ctx);
    reopenRules(ctx);
    roundTripRules(ctx);
    healthRules(ctx);
  });
}
