export const READ_MODELS_DB = Symbol('ReadModelsDatabase');
export const DEAD_LETTERS = Symbol('DeadLetterStore');
export const REVIEW_SAGA_RUNNER = 'review-saga';
export const READ_MODEL_PROJECTIONS = Symbol('ReadModelProjections');
export const RUNTIME_CONFIG = Symbol('RuntimeConfig');
export const SERVICE_SIGNING_KEY = Symbol('ServiceSigningKey');
