export * from './intents';
export * from './process-policy';
export * from './review-process';
export * from './target-stream';
export * from './follow-the-law';
export { proposal as refusalProposal, REVIEW_PROCESS_ACTOR } from './rules/on-hearing';
export * from './process-explanation';
