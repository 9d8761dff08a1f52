export * from './amendment';
export * from './events';
export * from './law-streams';
export * from './legal-basis';
