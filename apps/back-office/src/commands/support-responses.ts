import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, integer, nullable, object, oneOf, text } from '../http/openapi/json-schema';

/** The answer of `GET /applications/{id}/support` (ADR 33): the family's support as its stream folds. */
const date = text('A calendar date, yyyy-MM-dd');
const instant = text('An instant in UTC, ISO 8601');
const recipient = object({
  iin: text('The applicant’s IIN: masked but for the payments officers'),
  iban: text('The account paid to: masked to its country and last four characters but for the payments officers'),
});
const instalment = object({
  key: text('`relocation`, or `rent-01` … `rent-12`'),
  kind: oneOf('relocation', 'rent'),
  month: nullable(integer('The rent instalment’s number, 1–12')),
  scheduledOn: { ...date, description: 'The day the payment terms give' },
  dueOn: { ...date, description: 'The working day it is paid on (moved off a day off)' },
  dueAt: { ...instant, description: 'When its order is issued: the start of its due day in Astana' },
});
const answer = object(
  {
    state: oneOf('pending', 'paid', 'returned', 'cancelled'),
    paidOn: date,
    bankReference: text(),
    returnedOn: date,
    reason: text('The bank’s reason for a return'),
  },
  ['paidOn', 'bankReference', 'returnedOn', 'reason'],
);
const order = object({
  orderId: text('`PO-`, 16 hex digits of the application id, the instalment and the issue: unique within the family'),
  instalment: text(),
  amount: integer('Whole tenge'),
  mci: object({ value: integer('The MCI in tenge in force on the due day'), validFrom: date }),
  basis: object(
    { kind: oneOf('relocation', 'rent'), persons: integer(), mciPerPerson: integer(), monthlyRateMci: integer() },
    ['persons', 'mciPerPerson', 'monthlyRateMci'],
  ),
  recipient,
  reissueOf: nullable(text('The returned order this one pays again')),
  dueOn: date,
  answer,
});

export const SUPPORT_RESPONSE: SchemaObject = object({
  status: oneOf('open', 'stopped'),
  applicationId: text(),
  region: text(),
  year: integer(),
  category: oneOf('kandas', 'resettler'),
  persons: integer(),
  monthlyRateMci: integer('The rent rate the decision granted, MCI per family per month'),
  recipient,
  schedule: arrayOf(instalment),
  termsVersion: text('The payment terms version the schedule was computed under'),
  orders: arrayOf(order),
  stop: nullable(
    object({
      reason: oneOf('inclusion-revoked', 'departed', 'renounced'),
      effectiveOn: date,
      recovery: object({
        scope: oneOf('all-paid', 'paid-after-stop', 'none'),
        items: arrayOf(object({ orderId: text(), instalment: text(), amount: integer('Whole tenge'), paidOn: date })),
        total: integer('Whole tenge listed for recovery (listed, not claimed)'),
      }),
    }),
  ),
  revision: integer('The support stream’s revision: If-Match for its commands'),
});
