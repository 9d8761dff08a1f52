export * from './consumer';
export * from './checkpoint-store';
export * from './subscription-runner';
