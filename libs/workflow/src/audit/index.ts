export * from './audit-json';
export * from './audit-trail';
export * from './audit-text';
export * from './checkpoint';
export * from './timeline';
export * from './checkpoint-signer';
