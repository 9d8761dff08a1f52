export * from './intents';
export * from './process-policy';
export * from './review-process';
export * from './target-stream';
export * from './follow-the-law';
export { proposal as refusalProposal } from './rules/on-hearing';
