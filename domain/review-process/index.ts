export * from './intents';
export * from './process-policy';
export * from './decision-numbers';
export * from './review-process';
export * from './target-stream';
