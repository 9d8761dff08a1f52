export * from './amendment';
export * from './events';
export * from './law-streams';
export * from './legal-basis';
export * from './amendment-ref';
export * from './awaited-data';
