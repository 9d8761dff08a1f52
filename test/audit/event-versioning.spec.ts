import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applicationDecider, provisionalFromCalendarVersion } from '@domain/application';
import { EventTypeRegistry, loadAggregate, NewEvent } from '@libs/event-sourcing';
import { AuditTrail, WORKFLOW_EVENT_TYPES } from '@libs/workflow';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { APPLICATION_ID, history } from '../domain/application/fixtures';

const metadata = {
  correlationId: 'c',
  causationId: 'c',
  commandId: 'c',
  actor: { id: 'review-saga', role: 'system' },
  occurredAt: '2026-12-15T05:10:00.000Z',
};

/** A history as an earlier release stored it: ReviewDeadlineScheduled at schema v1, without calendarProvisional. */
function storedHistoryWithV1Deadline(): NewEvent[] {
  const [submitted, signed] = history.signed();
  const v1Deadline = {
    applicationId: APPLICATION_ID,
    acceptedOn: '2026-12-15',
    dueOn: '2027-01-08',
    dueAt: '2027-01-08T13:30:00.000Z',
    atRiskOn: '2026-12-31',
    atRiskAt: '2026-12-31T13:30:00.000Z',
    calendarVersion: '2025.1+2026.1+2027.0-provisional',
  };
  return [
    {
      eventId: '00000000-0000-4000-8000-0000000000a1',
      type: submitted!.type,
      schemaVersion: 2,
      data: submitted!.data,
      metadata,
    },
    {
      eventId: '00000000-0000-4000-8000-0000000000a2',
      type: signed!.type,
      schemaVersion: 1,
      data: signed!.data,
      metadata,
    },
    {
      eventId: '00000000-0000-4000-8000-0000000000a3',
      type: 'ReviewDeadlineScheduled',
      schemaVersion: 1,
      data: v1Deadline,
      metadata,
    },
  ];
}

describe('event versioning: an old event is read as the current version', () => {
  let dir: string;
  let store: SqliteEventStore;
  const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kandas-versions-'));
    store = SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    await store.append(`application-${APPLICATION_ID}`, storedHistoryWithV1Deadline(), {
      expectedRevision: 'no-stream',
    });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the stored event at v1, untouched', async () => {
    const stored = [];
    for await (const event of store.readStream(`application-${APPLICATION_ID}`)) stored.push(event);
    expect(stored[2]).toMatchObject({
      schemaVersion: 1,
      data: expect.not.objectContaining({ calendarProvisional: expect.anything() }),
    });
  });

  it('upcasts it on read to v2, deriving calendarProvisional from the recorded calendar version', async () => {
    const [, , deadline] = await new AuditTrail(store, registry).applicationHistory(APPLICATION_ID);
    expect(deadline).toMatchObject({
      type: 'ReviewDeadlineScheduled',
      schemaVersion: 2,
      data: { dueOn: '2027-01-08', calendarProvisional: true },
    });
  });

  it('folds the upcast event into the aggregate, and hands the process the upcast data', async () => {
    const { state } = await loadAggregate(store, registry, `application-${APPLICATION_ID}`, applicationDecider);
    expect(state).toMatchObject({ status: 'signed', sla: { deadline: { calendarProvisional: true } } });
    for await (const event of store.readStream(`application-${APPLICATION_ID}`, { fromRevision: 2 })) {
      const upcast = registry.upcast<{ calendarProvisional: boolean }>(event);
      expect(upcast.type).toBe('ReviewDeadlineScheduled');
      expect(upcast.data.calendarProvisional).toBe(true);
    }
  });

  it('derives "not provisional" when no year between acceptance and due date is provisional', () => {
    expect(
      provisionalFromCalendarVersion({
        calendarVersion: '2025.1+2026.1+2027.0-provisional',
        acceptedOn: '2026-03-02',
        dueOn: '2026-03-26',
      }),
    ).toBe(false);
    expect(
      provisionalFromCalendarVersion({
        calendarVersion: '2025.1+2026.1',
        acceptedOn: '2026-12-15',
        dueOn: '2027-01-08',
      }),
    ).toBe(false);
  });
});

describe('event versioning: ApplicationReviewed v1 (refusalGrounds) and v2 (personsMoving) read as v3', () => {
  const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES);
  const reviewed = history.reviewed('not-eligible').at(-1)!;
  if (reviewed.type !== 'ApplicationReviewed') throw new Error(`the history ends with ${reviewed.type}`);
  const { grounds, persons, ...rest } = reviewed.data;
  /** The event as a release before issue 15 stored it. */
  const v1 = { ...rest, refusalGrounds: grounds, personsMoving: persons };
  /** The event as a release before ADR 20 stored it. */
  const v2 = { ...rest, grounds, personsMoving: persons };
  const recorded = (schemaVersion: number, eventData: object) => ({
    eventId: '00000000-0000-4000-8000-0000000000b1',
    streamId: `application-${APPLICATION_ID}`,
    revision: 4,
    position: 4n,
    type: 'ApplicationReviewed',
    schemaVersion,
    data: eventData,
    metadata,
    recordedAt: metadata.occurredAt,
  });

  it('given a v1 event, reads it as v3: the same codes under grounds, the same count under persons', () => {
    const upcast = registry.upcast<Record<string, unknown>>(recorded(1, v1));
    expect(upcast.schemaVersion).toBe(3);
    expect(upcast.data).toEqual(reviewed.data);
    expect(upcast.data).not.toHaveProperty('refusalGrounds');
    expect(upcast.data).not.toHaveProperty('personsMoving');
  });

  it('given a v2 event, reads it as v3: personsMoving is persons, nothing else changes', () => {
    const upcast = registry.upcast<Record<string, unknown>>(recorded(2, v2));
    expect(upcast.data).toEqual(reviewed.data);
    expect(upcast.data).not.toHaveProperty('personsMoving');
  });

  it('given a v3 event, reads it unchanged', () => {
    expect(registry.upcast(recorded(3, reviewed.data)).data).toEqual(reviewed.data);
  });

  it('writes new ApplicationReviewed events at v3', () => {
    expect(registry.currentVersion('ApplicationReviewed')).toBe(3);
  });
});

describe('event versioning: the names retired by ADR 20 read in today’s vocabulary', () => {
  const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES);
  const recorded = (type: string, schemaVersion: number, eventData: object) => ({
    eventId: '00000000-0000-4000-8000-0000000000c1',
    streamId: `application-${APPLICATION_ID}`,
    revision: 0,
    position: 0n,
    type,
    schemaVersion,
    data: eventData,
    metadata,
    recordedAt: metadata.occurredAt,
  });
  const last = <T extends string>(events: ReturnType<typeof history.included>, type: T) => {
    const event = events.at(-1)!;
    if (event.type !== type) throw new Error(`the history ends with ${event.type}`);
    return event.data as Record<string, unknown>;
  };

  it('given ApplicationIncluded v1 (personsCounted), reads it as v2: the same count under persons', () => {
    const { persons, ...rest } = last(history.included(), 'ApplicationIncluded');
    const upcast = registry.upcast<Record<string, unknown>>(
      recorded('ApplicationIncluded', 1, { ...rest, personsCounted: persons }),
    );
    expect(upcast.schemaVersion).toBe(2);
    expect(upcast.data).toEqual({ ...rest, persons });
    expect(upcast.data).not.toHaveProperty('personsCounted');
  });

  it('given ApplicationSubmitted v1 (receivingRegion, quotaYear), reads it as v2, its digest untouched and marked as over the v1 shape', () => {
    const { submission, ...rest } = last(history.submitted(), 'ApplicationSubmitted') as {
      submission: { region: string; year: number };
    };
    const { region, year, ...others } = submission;
    const { submissionVersion: _version, ...v1Rest } = rest as Record<string, unknown>;
    const v1 = { ...v1Rest, submission: { ...others, receivingRegion: region, quotaYear: year } };
    const upcast = registry.upcast<Record<string, unknown>>(recorded('ApplicationSubmitted', 1, v1));
    expect(upcast.schemaVersion).toBe(2);
    expect(upcast.data).toEqual({ ...v1Rest, submission, submissionVersion: 1 });
  });

  it('writes new events in today’s names', () => {
    expect(registry.currentVersion('ApplicationSubmitted')).toBe(2);
    expect(registry.currentVersion('ApplicationIncluded')).toBe(2);
    expect(last(history.submitted(), 'ApplicationSubmitted')).toMatchObject({ submissionVersion: 2 });
  });
});
