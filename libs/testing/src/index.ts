export * from './test-clock';
export * from './decider-specification';
export * from './seeded-random';
