import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, freeObject, integer, nullable, object, oneOf, pageOf, text } from '../http/openapi/json-schema';

const instant = text('An instant in UTC, ISO 8601');

const NOTICE = object({
  noticeId: text('Derived from the event that caused it: the portal’s idempotency key'),
  kind: oneOf(
    'application-accepted',
    'review-started',
    'review-deadline-moved',
    'application-included',
    'application-refused',
    'refusal-proposed',
    'hearing-recorded',
    'complaint-received',
    'complaint-satisfied',
    'complaint-rejected',
    'decision-revoked',
    'authority-decision-recorded',
  ),
  issuedAt: instant,
  template: object({ id: text('The template (its kind)'), version: integer() }),
  texts: object({ kk: text('In Kazakh'), ru: text('In Russian') }),
  data: freeObject(
    'The facts the texts were rendered from (dates, decision number, amounts, grounds, complaint terms)',
  ),
  causedBy: text('The type of the event that caused it'),
  delivery: object({
    status: oneOf('pending', 'delivered', 'parked'),
    failedAttempts: integer('Failed attempts since issued or last sent back to the queue'),
    lastError: nullable(text('Why the last attempt failed')),
  }),
});

const PARKED = object({
  noticeId: text(),
  applicationId: text(),
  kind: text(),
  issuedAt: instant,
  status: oneOf('pending', 'delivered', 'parked'),
  failedAttempts: integer(),
  lastError: nullable(text()),
  parkedAt: nullable(instant),
});

export const NOTICE_RESPONSES = {
  notices: object({ applicationId: text(), items: arrayOf(NOTICE) }),
  parked: pageOf(PARKED),
  retried: object({
    noticeId: text(),
    applicationId: text(),
    revision: integer('The notice stream’s revision after the command'),
    position: nullable(text('Global position of the event recorded (64-bit, as a string)')),
    alreadyHandled: { type: 'boolean' },
  }),
} satisfies Record<string, SchemaObject>;
