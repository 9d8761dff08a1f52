import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, bool, freeObject, integer, nullable, object, text } from '../http/openapi/json-schema';

const LEGAL_BASIS = object(
  {
    kind: text('law, code, decree, resolution, order or announcement'),
    number: text(),
    date: text('The date of the act'),
    title: text(),
    source: text('Where the act can be read'),
  },
  ['number'],
);

/** What every amendment says of itself. */
const AMENDMENT = {
  version: text(),
  legalBasis: LEGAL_BASIS,
  takesEffectOn: text(),
  reason: text('Given when the change took effect on a day already past'),
  recordedAt: text('The instant it was recorded'),
};
const optional = ['reason'];

const table = (current: Record<string, SchemaObject>, change: Record<string, SchemaObject> = {}): SchemaObject =>
  object({
    at: nullable(text('The day asked for (null: the latest amendments)')),
    revision: integer('The stream revision of the table (If-Match of the next amendment); -1 when never amended'),
    inForce: object({ ...AMENDMENT, ...current }, optional),
    history: arrayOf(object({ ...AMENDMENT, ...change }, optional)),
  });

export const LAW_RESPONSES = {
  calendar: table(
    {
      year: integer(),
      provisional: bool,
      workingDays: integer(),
      daysOff: arrayOf(
        object({ date: text(), reason: text('holiday, non-working day, moved or transferred day off') }),
      ),
      workedWeekendDays: arrayOf(text()),
      sources: arrayOf(text()),
    },
    { workingDays: integer(), daysOffAdded: arrayOf(text()), daysOffRemoved: arrayOf(text()) },
  ),
  mci: table(
    { table: arrayOf(object({ validFrom: text(), value: integer('Whole tenge') })) },
    {
      rowsAdded: arrayOf(object({ validFrom: text(), value: integer() })),
      rowsChanged: arrayOf(object({ validFrom: text(), from: integer(), to: integer() })),
    },
  ),
  rentRates: table({ provisional: bool, rates: freeObject('MCI per month by region and settlement kind') }),
  slaPolicy: table({
    zone: text(),
    workdayStart: text(),
    workdayEnd: text(),
    reviewWorkingDays: integer(),
    atRiskWorkingDaysBeforeDue: integer(),
  }),
} satisfies Record<string, SchemaObject>;
