import type { SchemaObject } from '@nestjs/swagger';
import { APPLICANT_CATEGORIES } from '@domain/shared/region';
import { APPLICATION_STATUSES } from '@infra/read-models';
import { arrayOf, integer, nullable, object, oneOf, reflecting, text } from '../http/openapi/json-schema';

const date = text('yyyy-MM-dd');
const instant = text('An instant, ISO 8601');
const tenge = nullable(integer('Whole tenge; null when not granted (yet)'));
const region = object({ code: text(), kk: text('The region in Kazakh'), ru: text('The region in Russian') });

/** `GET /portal/applications/{id}`: `PortalApplicationView` in libs/workflow/src/decision-document. */
export const PORTAL_APPLICATION: SchemaObject = object({
  applicationId: text(),
  status: oneOf(...APPLICATION_STATUSES),
  region,
  year: integer(),
  category: oneOf(...APPLICANT_CATEGORIES),
  persons: integer('The applicant and each family member'),
  submittedAt: instant,
  signedAt: nullable(instant),
  acceptedOn: nullable(date),
  dueOn: nullable(date),
  dueAt: nullable(instant),
  decision: nullable(
    object({
      outcome: oneOf('included', 'refused'),
      number: text(),
      date,
      decidedAt: instant,
      amounts: object({
        relocation: tenge,
        rent: tenge,
        total: tenge,
        mci: nullable(object({ value: integer('The MCI in tenge the subsidies used'), year: integer() })),
      }),
      grounds: arrayOf(
        object({
          code: text(),
          kk: nullable(text('The label in Kazakh, from the grounds list version recorded')),
          ru: nullable(text('The label in Russian')),
        }),
      ),
      groundsListVersion: nullable(text()),
      explanation: nullable(
        text('Refusal: the officer’s words; null when the process wrote its own, which the grounds say'),
      ),
      document: object({
        href: text('The signed decision letter (PDF)'),
        ready: { type: 'boolean', description: 'False while an inclusion’s subsidies are still being granted' },
      }),
    }),
  ),
});

/** `GET /regions/open`: the quotas with seats left. */
export const OPEN_REGIONS: SchemaObject = reflecting(
  object({
    year: integer(),
    regions: arrayOf(
      object({
        region,
        category: oneOf(...APPLICANT_CATEGORIES),
        capacity: integer('Seats (persons) the order set'),
        taken: integer('Seats reserved by applications and not released'),
        left: integer('capacity − taken, above 0'),
      }),
    ),
  }),
);
