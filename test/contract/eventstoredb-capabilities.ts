import type { StoreCapabilities } from './event-store.contract';

/**
 * What the EventStoreDB adapter cannot guarantee, by the nature of EventStoreDB rather than by a
 * shortcut of the adapter: the server de-duplicates event ids within a stream only and keeps no index
 * by event id, so an id already used in another stream is written again, not refused (ADR 0002).
 */
export const EVENTSTOREDB_CAPABILITIES: StoreCapabilities = { globalEventIdUniqueness: false };
