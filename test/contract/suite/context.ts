import type { EventStore } from '@libs/event-sourcing';

/** What an adapter's spec hands the contract: a fresh, empty store per test. */
export interface StoreHarness {
  readonly store: EventStore;
  /** A NEW instance over the same data, opened WITHOUT closing the old one (simulates a crash). */
  reopen(): Promise<EventStore>;
  /** Closes every instance it opened and removes whatever it created. */
  dispose(): Promise<void>;
}

/** The store of the running test; a new harness is made before each test and disposed after it. */
export interface ContractContext {
  readonly store: EventStore;
  reopen(): Promise<EventStore>;
}

export function useHarness(createHarness: () => Promise<StoreHarness>): ContractContext {
  let current: StoreHarness | undefined;
  beforeEach(async () => {
    current = await createHarness();
  });
  afterEach(async () => {
    const harness = current;
    current = undefined;
    await harness?.dispose();
  });
  const harness = (): StoreHarness => {
    if (!current) throw new Error('the contract store is only available inside a test');
    return current;
  };
  return {
    get store() {
      return harness().store;
    },
    reopen: () => harness().reopen(),
  };
}
