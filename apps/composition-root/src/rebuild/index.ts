export * from './rebuild-read-models';
export * from './rebuild-command';
