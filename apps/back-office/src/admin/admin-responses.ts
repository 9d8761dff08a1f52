import type { SchemaObject } from '@nestjs/swagger';
import { integer, nullable, object, oneOf, pageOf, text } from '../http/openapi/json-schema';

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

export const ADMIN_RESPONSES = {
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
