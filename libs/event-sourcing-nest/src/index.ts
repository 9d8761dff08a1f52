export * from './tokens';
export * from './event-bus-bridge';
export * from './domain-command';
export * from './decider-command-handler';
export * from './subscriptions-host';
