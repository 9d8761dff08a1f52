export * from './audit-json';
export * from './audit-trail';
export * from './audit-text';
export * from './checkpoint';
export * from './checkpoint-signer';
