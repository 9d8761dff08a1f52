export * from './consumer';
export * from './checkpoint-store';
export * from './subscription-runner';
export * from './reactor-pipeline';
export * from './dead-letter-store';
export * from './retry-policy';
export * from './caught-up';
