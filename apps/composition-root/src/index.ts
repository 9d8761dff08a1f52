export * from './workflow.module';
export * from './rebuild';
