export * from './export-events';
export * from './disclosure-events';
export * from './masking';
export * from './csv';
export * from './export-command';
