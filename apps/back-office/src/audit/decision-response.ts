import type { SchemaObject } from '@nestjs/swagger';
import { APPLICATION_STATUSES } from '@infra/read-models';
import { arrayOf, bool, integer, nullable, object, oneOf, text } from '../http/openapi/json-schema';

/** The schema of `GET /audit/applications/:id/decision` (ADR 27): `DecisionAnswer` in libs/workflow/src/audit/timeline. */
const instant = text('An instant, ISO 8601');
const local = text('The same instant on the Almaty clock, ISO 8601 with its offset');
const tenge = nullable(integer('Whole tenge; null when none was granted'));

const ACTOR = object({
  id: text(),
  role: text(),
  text: text('The actor in words, in the language asked («рецензент reviewer-7», «система (процесс)»)'),
});

export const DECISION_ANSWER: SchemaObject = object({
  applicationId: text(),
  language: oneOf('kk', 'ru', 'en'),
  decided: bool,
  status: oneOf(...APPLICATION_STATUSES),
  outcome: nullable(oneOf('included', 'refused')),
  decidedBy: nullable({
    ...ACTOR,
    description:
      'Whose judgement the decision is: the reviewer whose verdict the process carried out, else the actor of the decision',
  }),
  recordedBy: nullable({ ...ACTOR, description: 'The actor of the decision event itself' }),
  decidedAt: nullable(instant),
  decidedAtLocal: nullable(local),
  decisionNumber: nullable(text()),
  decisionDate: nullable(text('The decision date, yyyy-MM-dd')),
  grounds: arrayOf(
    object({
      code: text(),
      label: nullable(
        text('The label in the language asked, from the grounds list version recorded; null when unknown'),
      ),
    }),
  ),
  groundsListVersion: nullable(text('The refusal grounds list version the refusal recorded')),
  amounts: object({
    relocation: tenge,
    rent: tenge,
    total: tenge,
    mci: nullable(
      object({
        value: integer('The MCI in tenge the subsidies were computed with'),
        year: integer(),
        validFrom: text('yyyy-MM-dd'),
        tableVersion: nullable(text('The MCI table amendment that held it; null when the store recorded no law')),
      }),
    ),
  }),
  deadline: nullable(
    object({
      dueAt: instant,
      dueAtLocal: local,
      dueOn: text('yyyy-MM-dd'),
      acceptedOn: text('yyyy-MM-dd'),
      calendarVersion: text('The working-day calendar version the due date was computed with'),
      calendarProvisional: bool,
    }),
  ),
  met: nullable({ ...bool, description: 'Whether the decision came by the due date, as recorded; null until decided' }),
  workingDaysLate: nullable(
    integer('Working days after the due day, on the recorded calendar version; null when on time or uncountable'),
  ),
  reschedulings: arrayOf(
    object({
      at: instant,
      atLocal: local,
      fromDueAt: instant,
      toDueAt: instant,
      calendarVersion: text(),
      text: text(),
    }),
  ),
  summary: text('The answer as one sentence in the language asked'),
});
