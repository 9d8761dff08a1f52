export * from './event-type-registry';
