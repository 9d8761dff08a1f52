export * from './store';
export * from './ids/uuid';
export * from './time/clock';
export * from './time/periodic-round';
export * from './registry';
export * from './commands';
export * from './subscriptions';
