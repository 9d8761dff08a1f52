export * from './decider';
export * from './command-context';
export * from './aggregate-loader';
export * from './handle-command';
export * from './request-fingerprint';
export * from './idempotency-key-claim';
