export * from './access-events';
export * from './access-log';
