export * from './notice';
export * from './events';
export * from './errors';
export * from './state';
export * from './decider';
export * from './intents';
export * from './notice-context';
export * from './notice-process';
