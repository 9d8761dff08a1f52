import type { EventStore } from '@libs/event-sourcing';

/** What an adapter's spec hands the contract: a fresh, empty store per test. */
export interface StoreHarness {
  readonly store: EventStore;
  /** A NEW instance over the same data, opened WITHOUT closing the old one (simulates a crash). */
  reopen(): Promise<EventStore>;
  /** Closes every instance it opened and removes whatever it created. */
  dispose(): Promise<void>;
}

/**
 * What an adapter guarantees beyond the common ground, declared by its spec next to its harness (with
 * the contract call: Jest decides which tests run when they are defined, before any harness exists).
 * A capability left out is held; a test about a capability an adapter declares `false` is skipped —
 * visibly — for that adapter only, and runs unchanged for the others.
 */
export interface StoreCapabilities {
  /**
   * An event id is unique in the whole store: an id already stored in ANOTHER stream is refused with
   * DuplicateEventIdError. EventStoreDB de-duplicates within a stream only and has no index by event
   * id, so its adapter cannot detect it (ADR 0002).
   */
  readonly globalEventIdUniqueness?: boolean;
}

/** The store of the running test; a new harness is made before each test and disposed after it. */
export interface ContractContext {
  readonly store: EventStore;
  reopen(): Promise<EventStore>;
  readonly capabilities: StoreCapabilities;
}

/** `it` for a test about `capability`, or `it.skip` when the adapter declares it does not hold. */
export function itRequires(ctx: ContractContext, capability: keyof StoreCapabilities): jest.It {
  return ctx.capabilities[capability] === false ? it.skip : it;
}

export function useHarness(
  createHarness: () => Promise<StoreHarness>,
  capabilities: StoreCapabilities = {},
): ContractContext {
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
    capabilities,
  };
}

/** A harness over `open()`: `reopen()` opens another instance on the same data; `dispose` closes all, then cleans up. */
export function reopenableHarness(
  open: () => EventStore,
  cleanUp: () => Promise<void> | void = () => undefined,
): StoreHarness {
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
      await cleanUp();
    },
  };
}
