/** Injection tokens of the event-sourcing ports (interfaces have no runtime identity in TypeScript). */
export const EVENT_STORE = Symbol('EventStore');
export const EVENT_TYPE_REGISTRY = Symbol('EventTypeRegistry');
export const CHECKPOINT_STORE = Symbol('CheckpointStore');
