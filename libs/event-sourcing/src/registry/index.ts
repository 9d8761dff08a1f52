export * from './stored-event';
export * from './event-type-registry';
