import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, integer, nullable, object, oneOf, pageOf, text } from '../http/openapi/json-schema';

/** The response schemas of the administration routes that are not commands (their answers are their own). */
const instant = text('An instant in UTC, ISO 8601');

/**
 * A parked event, or a step waiting for data (`DeadLetter` of libs/event-sourcing), its position as a
 * string; the reason code of a waiting step is its error's code (`SUBSIDY.MCI_NOT_AVAILABLE`).
 */
const DEAD_LETTER = object({
  consumer: text('The subscription that parked it (`review-saga`, …)'),
  eventId: text(),
  position: text('Global position of the event (64-bit, as a string)'),
  streamId: text(),
  type: text(),
  error: object({ name: text(), message: text(), code: text('The error’s stable code, when it has one') }, ['code']),
  attempts: integer(),
  parkedAt: instant,
  status: oneOf('parked', 'waiting-for-data', 'resolved'),
  resolvedAt: nullable(instant),
  awaiting: nullable(
    object({
      table: text('The table of the law the step waits for (`mci`, `calendar`, …)'),
      key: text('The entry it needs, e.g. the decision date whose MCI is not recorded'),
    }),
  ),
});

const position = (description: string) => nullable(text(`${description} (64-bit, as a string); null before any`));

/** One subscription as its runner reports it (`CheckpointedSubscriptionRunner`). */
const SUBSCRIPTION = object({
  name: text('The consumer (`review-saga`, `applications`, …)'),
  state: oneOf('idle', 'running', 'stopped', 'failed'),
  checkpoint: position('Global position of the last event it committed'),
  progress: position('How far it has looked, counting the events its filter let by: what it reflects'),
  positionsBehind: integer(
    'Global positions between the store head and its progress: on SQLite the events it has yet to look at; on EventStoreDB a distance in the log',
  ),
  lastFailure: nullable(text('Why it stopped, while failed (the host starts it again from its checkpoint)')),
});

export const ADMIN_RESPONSES = {
  subscriptions: object({
    storeHead: position('The global position of the last event in the store'),
    items: arrayOf(SUBSCRIPTION),
  }),
  fireDue: object({ fired: integer('How many due deadlines were fired') }),
  deadLetters: pageOf(DEAD_LETTER),
  retry: object(
    {
      outcome: oneOf('done', 'parked'),
      commands: integer('Commands the saga issued (when done)'),
      error: text('Why it was parked again (when parked)'),
    },
    ['commands', 'error'],
  ),
} satisfies Record<string, SchemaObject>;
