export * from './tokens';
export * from './domain-command';
export * from './decider-command-handler';
export * from './subscriptions-host';
export * from './saga/durable-saga-runner';
export * from './saga/saga-step-context';
