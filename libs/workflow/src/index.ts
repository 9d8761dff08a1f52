export * from './tokens';
export * from './workflow-config';
export * from './law/law-in-force';
export * from './events/event-types';
export * from './commands/command-messages';
export * from './commands/command-handlers';
export * from './commands/application-digest';
export * from './persons/person-claims';
export * from './persons/person-streams';
export * from './persons/duplicate-persons';
export * from './sla/deadline-queue';
export * from './sla/deadline-scheduler';
export * from './sagas/review.saga';

export * from './operations/dead-letter-operations';
export * from './quota-orders/published-quota-orders';
export * from './audit';
export * from './export';
