import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, bool, freeObject, integer, nullable, object, oneOf, pageOf, text } from '../http/openapi/json-schema';
import { LAW_TABLES } from './law-amendments';

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

const instant = text('An instant, ISO 8601');
const DUE = object({ dueOn: text('yyyy-MM-dd'), dueAt: instant, calendarVersion: text() });

/** One amendment, whatever its table: who recorded it, when, on what basis, and what it changed. */
const LISTED_AMENDMENT = object({
  eventId: text(),
  position: text('Global position of the amendment event (64-bit, as a string)'),
  streamId: text('`law-calendar-<year>`, `law-mci`, `law-rent-rates`, `law-refusal-grounds` or `law-sla-policy`'),
  table: oneOf(...LAW_TABLES),
  year: nullable(integer('The calendar year, for the calendar')),
  version: text('The version of the table the amendment made'),
  legalBasis: LEGAL_BASIS,
  takesEffectOn: text(),
  reason: nullable(text('Given when the change took effect on a day already past')),
  recordedAt: instant,
  recordedBy: object({ id: text('The administrator, or `system/law-baseline` for the initial law'), role: text() }),
  correlationId: text('What the applications it moved carry too (`/audit/correlations/<id>`)'),
  workingDays: nullable(integer('Calendar: the year’s working days after it')),
  daysOffAdded: nullable(arrayOf(text())),
  daysOffRemoved: nullable(arrayOf(text())),
  rowsAdded: nullable(arrayOf(object({ validFrom: text(), value: integer() }))),
  rowsChanged: nullable(arrayOf(object({ validFrom: text(), from: integer(), to: integer() }))),
});

const MOVED_APPLICATION = object({
  applicationId: text(),
  position: text('Global position of its `ReviewDeadlineRescheduled` (64-bit, as a string)'),
  rescheduledAt: instant,
  previous: DUE,
  deadline: DUE,
  corrected: arrayOf(oneOf('at-risk', 'breach')),
  escalationStands: bool,
});

export const LAW_RESPONSES = {
  amendments: pageOf(LISTED_AMENDMENT),
  movedApplications: pageOf(MOVED_APPLICATION),
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
