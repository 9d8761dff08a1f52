export * from './test-clock';
export * from './decider-specification';
