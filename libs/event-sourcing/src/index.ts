export * from './store';
export * from './ids/uuid';
export * from './time/clock';
export * from './registry';
export * from './commands';
export * from './subscriptions';
