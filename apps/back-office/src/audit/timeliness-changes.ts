import { Inject, Injectable } from '@nestjs/common';
import { timelinessChangeUnder, type TimelinessUnderLaw } from '@domain/application';
import { lawStreams, type AmendmentRef } from '@domain/law';
import { localDateOf, yearOf } from '@domain/shared/calendar-date';
import { type EventStore, type RecordedEvent } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import { LAW_IN_FORCE, type LawInForce } from '@libs/workflow';
import { DecidedApplicationsQuery, type DecidedApplicationRow, type Page, type PageRequest } from '@infra/read-models';

/** An amendment as the auditor reads it: the citation the rescheduling events carry, and when it was recorded. */
export type CitedAmendment = AmendmentRef & { readonly recordedAt: string };

/** The decided application as the read model holds it, and its timeliness under both laws. */
export interface TimelinessChange extends Omit<DecidedApplicationRow, 'dueAt' | 'late'> {
  readonly decidedUnder: { readonly dueAt: string | null; readonly late: boolean };
  readonly underLawInForce: {
    readonly dueAt: string;
    readonly dueOn: string;
    readonly calendarVersion: string;
    readonly late: boolean;
  };
  /** The amendments recorded after the decision that touch its deadline: the SLA policy and the calendar years it spans. */
  readonly amendments: readonly CitedAmendment[];
}

/**
 * The auditor's question after an amendment (issue 16): which decisions, judged "on time" or "late"
 * under the calendar they were decided under, would be judged otherwise under the law in force now?
 * Decided applications keep their history; this only lists them, with both due instants and the
 * amendments recorded since the decision that touch the years their deadline spans. A decision whose
 * deadline the law in force cannot compute (a year it lacks) is not listed: nothing can be compared.
 */
@Injectable()
export class TimelinessChanges {
  constructor(
    private readonly decided: DecidedApplicationsQuery,
    @Inject(LAW_IN_FORCE) private readonly law: LawInForce,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async page(request: PageRequest): Promise<Page<TimelinessChange>> {
    const { calendar, slaPolicy } = this.law.current();
    const page = this.decided.page(request, (row) => {
      try {
        const now = timelinessChangeUnder(row, calendar, slaPolicy);
        return now && { row, now };
      } catch {
        return undefined;
      }
    });
    const streams = new Map<string, Promise<RecordedEvent[]>>();
    const read = (streamId: string) => {
      if (!streams.has(streamId)) streams.set(streamId, this.eventsOf(streamId));
      return streams.get(streamId)!;
    };
    const items = await Promise.all(
      page.items.map(async ({ row, now }) => changeOf(row, now, await this.amendmentsSince(row, now, read))),
    );
    return { items, nextCursor: page.nextCursor };
  }

  private async amendmentsSince(
    row: DecidedApplicationRow,
    now: TimelinessUnderLaw,
    read: (streamId: string) => Promise<RecordedEvent[]>,
  ): Promise<CitedAmendment[]> {
    const from = yearOf(localDateOf(row.signedAt));
    const dues = [now.deadline.dueOn, ...(row.dueAt ? [localDateOf(row.dueAt)] : [])].map(yearOf);
    const to = Math.max(from, ...dues);
    const streamIds = [lawStreams.slaPolicy()];
    for (let year = from; year <= to; year++) streamIds.push(lawStreams.calendarYear(year));
    const events = (await Promise.all(streamIds.map(read))).flat();
    return events
      .filter((e) => e.metadata.occurredAt > row.decidedAt)
      .sort((a, b) => (a.position < b.position ? -1 : 1))
      .map(citation);
  }

  private async eventsOf(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(streamId)) events.push(event);
    return events;
  }
}

function changeOf(row: DecidedApplicationRow, now: TimelinessUnderLaw, amendments: CitedAmendment[]): TimelinessChange {
  const { applicationId, decision, decisionNumber, decisionDate, region, year, signedAt, decidedAt } = row;
  return {
    applicationId,
    decision,
    decisionNumber,
    decisionDate,
    region,
    year,
    signedAt,
    decidedAt,
    decidedUnder: { dueAt: row.dueAt, late: row.late },
    underLawInForce: {
      dueAt: now.deadline.dueAt,
      dueOn: now.deadline.dueOn,
      calendarVersion: now.deadline.calendarVersion,
      late: now.late,
    },
    amendments,
  };
}

function citation(event: RecordedEvent): CitedAmendment {
  const data = event.data as { version: string; legalBasis: AmendmentRef['legalBasis'] };
  return {
    eventId: event.eventId,
    streamId: event.streamId,
    type: event.type as AmendmentRef['type'],
    version: data.version,
    legalBasis: data.legalBasis,
    recordedAt: event.recordedAt,
  };
}
