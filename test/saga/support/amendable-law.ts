import { randomUUID } from 'node:crypto';
import type { CalendarYearData } from '@domain/calendar';
import { lawStreams, type LegalBasis } from '@domain/law';
import type { MciRow } from '@domain/subsidy';
import { defaultWorkflowConfig, type LawInForce, type WorkflowConfig } from '@libs/workflow';
import type { Clock, EventStore } from '@libs/event-sourcing';

/** Where an amendment is recorded: the saga harness, or the e2e app (its store and its clock). */
type Recorder = { readonly store: EventStore; readonly clock: Clock };

/**
 * The law in force as the tests amend it. The event-sourced law (branch i16-law) reads the law
 * streams; here a test records an amendment in the store and in this law at once, which is the
 * contract the law follower and the resumer rely on: the law in force includes an amendment before
 * its subscribers act on it.
 */
export class AmendableLaw implements LawInForce {
  constructor(private config: WorkflowConfig = defaultWorkflowConfig()) {}

  current(): WorkflowConfig {
    return this.config;
  }

  amend(change: (config: WorkflowConfig) => WorkflowConfig): void {
    this.config = change(this.config);
  }
}

export const BASIS: LegalBasis = {
  kind: 'announcement',
  date: '2026-03-18',
  title: 'Constitution Day moved to 15 March; 30 August a working day from 2026',
  source: 'https://taspanews.kz/',
};

/** Appends a CalendarYearAmended of `calendar.year` (as an administrator would) and applies it to `law`. */
export async function amendCalendarYear(
  h: Recorder,
  law: AmendableLaw,
  calendar: CalendarYearData,
  change: { daysOffAdded?: string[]; daysOffRemoved?: string[] } = {},
): Promise<string> {
  law.amend((config) => ({ ...config, calendar: config.calendar.withYear(calendar) }));
  return appendLaw(h, lawStreams.calendarYear(calendar.year), 'CalendarYearAmended', {
    year: calendar.year,
    version: calendar.version,
    calendar,
    daysOffAdded: change.daysOffAdded ?? [],
    daysOffRemoved: change.daysOffRemoved ?? [],
    workingDays: law.current().calendar.workingDaysIn(calendar.year),
    legalBasis: BASIS,
    takesEffectOn: `${calendar.year}-01-01`,
    reason: 'The calendar as published still gave 31 August off',
    recordedAt: h.clock.now().toISOString(),
  });
}

/** Appends an MciAmended with the whole table and applies it to `law`. */
export async function amendMci(
  h: Recorder,
  law: AmendableLaw,
  table: readonly MciRow[],
  added: MciRow,
): Promise<string> {
  law.amend((config) => ({ ...config, subsidyPolicy: { ...config.subsidyPolicy, mciTable: table } }));
  return appendLaw(h, lawStreams.mci(), 'MciAmended', {
    version: `mci.${table.length}`,
    table,
    rowsAdded: [added],
    rowsChanged: [],
    legalBasis: {
      kind: 'law',
      date: '2026-12-01',
      title: 'Republican budget 2027–2029',
      source: 'https://adilet.zan.kz/',
    },
    takesEffectOn: added.validFrom,
    recordedAt: h.clock.now().toISOString(),
  });
}

async function appendLaw(h: Recorder, streamId: string, type: string, data: object): Promise<string> {
  const eventId = randomUUID();
  await h.store.append(
    streamId,
    [
      {
        eventId,
        type,
        schemaVersion: 1,
        data,
        metadata: {
          correlationId: eventId,
          causationId: eventId,
          commandId: eventId,
          actor: { id: 'admin-1', role: 'admin' },
          occurredAt: h.clock.now().toISOString(),
        },
      },
    ],
    { expectedRevision: 'any' },
  );
  return eventId;
}
