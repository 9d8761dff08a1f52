export * from './export-events';
export * from './disclosure-events';
export * from './masking';
export * from './export-command';
export * from './disclosure-grants';
