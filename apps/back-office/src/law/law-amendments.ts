import { Inject, Injectable } from '@nestjs/common';
import type { ReviewDeadlineRescheduled } from '@domain/application';
import {
  lawStreams,
  TABLE_AMENDED_BY,
  type AmendmentBasis,
  type LawEvent,
  type LawTable,
  type LegalBasis,
} from '@domain/law';
import type { EventStore, EventTypeRegistry, RecordedEvent } from '@libs/event-sourcing';
import { readAllAfter } from '@libs/event-sourcing';
import { EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { RecordedLaw } from '@libs/workflow';
import {
  decodeCursor,
  InvalidReadModelQueryError,
  pageLimit,
  pageOf,
  pageOfSorted,
  type Page,
  type PageRequest,
} from '@infra/read-models';

/** The tables of the law, as the amendments list names them (one per kind of law stream). */
export const LAW_TABLES: readonly LawTable[] = [...new Set(Object.values(TABLE_AMENDED_BY))];
export type { LawTable };

/** One amendment as the administrator and the auditor read it: what, by whom, when, on what basis. */
export interface ListedAmendment {
  readonly eventId: string;
  readonly position: string;
  readonly streamId: string;
  readonly table: LawTable;
  readonly year: number | null;
  readonly version: string;
  readonly legalBasis: LegalBasis;
  readonly takesEffectOn: string;
  readonly reason: string | null;
  readonly recordedAt: string;
  readonly recordedBy: { readonly id: string; readonly role: string };
  readonly correlationId: string;
  /** Calendar years: the working days after it and the days it made off or working; null for other tables. */
  readonly workingDays: number | null;
  readonly daysOffAdded: readonly string[] | null;
  readonly daysOffRemoved: readonly string[] | null;
  /** The MCI: the rows it added and changed; null for other tables. */
  readonly rowsAdded: readonly { validFrom: string; value: number }[] | null;
  readonly rowsChanged: readonly { validFrom: string; from: number; to: number }[] | null;
}

/** An application whose pending review deadline the amendment moved (ADR 23). */
export interface MovedApplication {
  readonly applicationId: string;
  readonly position: string;
  readonly rescheduledAt: string;
  readonly previous: { readonly dueOn: string; readonly dueAt: string; readonly calendarVersion: string };
  readonly deadline: { readonly dueOn: string; readonly dueAt: string; readonly calendarVersion: string };
  readonly corrected: readonly string[];
  readonly escalationStands: boolean;
}

export class AmendmentNotFoundError extends Error {
  readonly code = 'LAW.AMENDMENT_NOT_FOUND';
  constructor(eventId: string) {
    super(`No amendment of the law has event id ${eventId}`);
  }
}

/** Positions descend in the list (newest first): the key is the distance below this, zero-padded. */
const TOP = 10n ** 20n;

/**
 * The amendments of the law, read from its streams (one per table, one per calendar year: a few
 * dozen events, read whole), and the applications one of them moved, found by the rescheduling
 * events that cite it (the store's index by event type, from the amendment's position on).
 */
@Injectable()
export class LawAmendments {
  constructor(
    private readonly law: RecordedLaw,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_TYPE_REGISTRY) private readonly registry: EventTypeRegistry,
  ) {}

  async page(filter: { table?: LawTable; year?: number }, page: PageRequest): Promise<Page<ListedAmendment>> {
    const listed = (await this.all()).filter(
      (a) =>
        (filter.table === undefined || a.table === filter.table) &&
        (filter.year === undefined || a.year === filter.year),
    );
    return pageOfSorted(listed, page, 1, keyOf);
  }

  async moved(eventId: string, page: PageRequest): Promise<Page<MovedApplication>> {
    const amendment = (await this.all()).find((a) => a.eventId === eventId);
    if (!amendment) throw new AmendmentNotFoundError(eventId);
    const limit = pageLimit(page.limit);
    const after = page.cursor === undefined ? BigInt(amendment.position) : cursorPosition(page.cursor);
    const found: MovedApplication[] = [];
    const events = readAllAfter(this.store, after, { filter: { eventTypes: ['ReviewDeadlineRescheduled'] } });
    for await (const stored of events) {
      const event = this.registry.upcast(stored) as RecordedEvent & { data: ReviewDeadlineRescheduled['data'] };
      if (event.data.amendment?.eventId !== eventId) continue;
      found.push(movedOf(event));
      if (found.length > limit) break;
    }
    return pageOf(found, limit, (last) => [last.position.padStart(20, '0')]);
  }

  private async all(): Promise<ListedAmendment[]> {
    await this.law.refresh();
    const streams = [
      lawStreams.mci(),
      lawStreams.rentRates(),
      lawStreams.refusalGrounds(),
      lawStreams.slaPolicy(),
      ...[...this.law.recorded().calendarYears.keys()].map((year) => lawStreams.calendarYear(year)),
    ];
    const read = await Promise.all(streams.map((streamId) => this.eventsOf(streamId)));
    return read
      .flat()
      .filter((event) => event.type in TABLE_AMENDED_BY)
      .sort((a, b) => (a.position > b.position ? -1 : 1))
      .map(listedOf);
  }

  private async eventsOf(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(streamId)) events.push(this.registry.upcast(event));
    return events;
  }
}

const keyOf = (amendment: ListedAmendment) => [(TOP - BigInt(amendment.position)).toString().padStart(20, '0')];

function cursorPosition(cursor: string): bigint {
  const [position] = decodeCursor(cursor, 1);
  if (!/^\d{1,20}$/.test(position!))
    throw new InvalidReadModelQueryError('cursor', 'is not a cursor this list returned');
  return BigInt(position!);
}

function listedOf(event: RecordedEvent): ListedAmendment {
  const data = event.data as AmendmentBasis & { version: string } & Partial<{
      year: number;
      workingDays: number;
      daysOffAdded: string[];
      daysOffRemoved: string[];
      rowsAdded: { validFrom: string; value: number }[];
      rowsChanged: { validFrom: string; from: number; to: number }[];
    }>;
  return {
    eventId: event.eventId,
    position: event.position.toString(),
    streamId: event.streamId,
    table: TABLE_AMENDED_BY[event.type as LawEvent['type']],
    year: data.year ?? null,
    version: data.version,
    legalBasis: data.legalBasis,
    takesEffectOn: data.takesEffectOn,
    reason: data.reason ?? null,
    recordedAt: data.recordedAt,
    recordedBy: { id: event.metadata.actor.id, role: event.metadata.actor.role },
    correlationId: event.metadata.correlationId,
    workingDays: data.workingDays ?? null,
    daysOffAdded: data.daysOffAdded ?? null,
    daysOffRemoved: data.daysOffRemoved ?? null,
    rowsAdded: data.rowsAdded ?? null,
    rowsChanged: data.rowsChanged ?? null,
  };
}

function movedOf(event: RecordedEvent & { data: ReviewDeadlineRescheduled['data'] }): MovedApplication {
  const { applicationId, previous, deadline, corrected, escalationStands, rescheduledAt } = event.data;
  const due = ({ dueOn, dueAt, calendarVersion }: typeof deadline) => ({ dueOn, dueAt, calendarVersion });
  return {
    applicationId,
    position: event.position.toString(),
    rescheduledAt,
    previous: due(previous),
    deadline: due(deadline),
    corrected: [...corrected],
    escalationStands,
  };
}
