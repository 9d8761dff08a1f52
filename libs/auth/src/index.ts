export * from './actor';
export * from './secrets';
export * from './jwt-keys';
export * from './tokens';
export * from './service-signing-key';
