export * from './commands';
export * from './events';
export * from './errors';
export * from './state';
export * from './persons-of';
export { decidePerson } from './decide';
export * from './decider';
export * from './personal-data';
