import type { SchemaObject } from '@nestjs/swagger';
import type { NoticeKind } from '@domain/notices';
import { arrayOf, freeObject, integer, nullable, object, oneOf, pageOf, text } from '../http/openapi/json-schema';

const instant = text('An instant in UTC, ISO 8601');

/**
 * Every kind of notice the domain has, mapped: a kind added to `NoticeKind` does not compile until it
 * is listed here, and through the generated API types the console's labels of the kinds follow.
 */
const KINDS: { readonly [K in NoticeKind]: true } = {
  'application-accepted': true,
  'review-started': true,
  'review-deadline-moved': true,
  'application-included': true,
  'application-refused': true,
  'refusal-proposed': true,
  'hearing-recorded': true,
  'complaint-received': true,
  'complaint-satisfied': true,
  'complaint-rejected': true,
  'decision-revoked': true,
  'authority-decision-recorded': true,
  'arrival-recorded': true,
  'payment-made': true,
  'payment-returned': true,
  'recipient-corrected': true,
  'support-stopped': true,
};
const kind = () => oneOf(...Object.keys(KINDS));

const NOTICE = object({
  noticeId: text('Derived from the event that caused it: the portal’s idempotency key'),
  kind: kind(),
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
  kind: kind(),
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
