export * from './workflow.module';
export * from './rebuild';
export * from './notices.providers';
