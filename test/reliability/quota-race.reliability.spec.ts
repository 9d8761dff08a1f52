import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { QUOTA_EXHAUSTED } from '@domain/application';
import { QuotaCommand, quotaStreamId, regionalQuotaDecider } from '@domain/quota';
import { EventTypeRegistry, handleCommand, WrongExpectedRevisionError } from '@libs/event-sourcing';
import type { CommandContext, RecordedEvent } from '@libs/event-sourcing';
import { WORKFLOW_EVENT_TYPES } from '@libs/workflow';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { E2eApp } from '../e2e/support/e2e-app';
import { ALL_ACCEPTED, openQuota } from '../e2e/support/journeys';
import { collect } from '../e2e/support/problems';
import { recordFigures } from './support/figures';
import { IinSource, raceFamily, RaceFamily } from './support/race-families';
import { SeededRandom } from '@libs/seeded-random';
import { testSeed, withSeed } from './support/seed';

/**
 * Issue 8, point 2: 200 eligible reviews fired at once at a region whose quota holds 50 persons,
 * against the real HTTP server on a real SQLite file (synchronous=FULL). Families count 1 to 6
 * persons. The quota never admits more than its capacity, every family it cannot hold is refused
 * on the quota-exhausted ground, and events, read models and subsidies agree.
 *
 * The rule observed (domain/quota/decide.ts + the review saga, which runs a quota's steps one at a
 * time in the order of their causes, ADR 13): first fit in the order the reviews were recorded —
 * each family gets its seats if they still fit when its review reaches the quota, else it is
 * refused; a smaller family reviewed later may still fit.
 */
const SEED = testSeed();
const REGION = 'pavlodar';
const YEAR = 2026;
const CATEGORY = 'kandas';
const CAPACITY = 50;
const APPLICATIONS = 200;
const REVIEWERS = 8;
const SETUP_CONCURRENCY = 25;
const TIMEOUT_MS = 180_000;

describe('quota race on the real HTTP server and a SQLite file (issue 8, point 2)', () => {
  let e: E2eApp | undefined;
  afterEach(async () => {
    await e?.close();
    e = undefined;
  });

  it(
    `200 concurrent eligible reviews on a 50-seat quota: first fit in review order — never over capacity, the rest proposed a refusal on ${QUOTA_EXHAUSTED}, events, read models and subsidies agree`,
    () =>
      withSeed('quota-race', SEED, async (seed) => {
        const began = performance.now();
        e = await startOnSqlite();
        const app = e;
        await openQuota(app, CAPACITY, REGION, YEAR, CATEGORY);

        // 200 families of 1 to 6 persons, submitted and signed by the portal (25 at a time).
        const random = new SeededRandom(seed).next;
        const iins = new IinSource(random);
        const families = Array.from({ length: APPLICATIONS }, () =>
          raceFamily(random, iins, 1 + Math.floor(random() * 6), REGION),
        );
        const submitted = await inBatches(families, SETUP_CONCURRENCY, async (family) => ({
          ...family,
          id: await submitAndSign(app, family),
        }));
        await app.settle(); // every review deadline is scheduled before the race begins
        const setupMs = performance.now() - began;

        // The race: 200 eligible reviews at once, by 8 reviewers.
        const raceBegan = performance.now();
        const outcomes = await Promise.all(
          submitted.map((application, index) =>
            reviewEligible(app, application.id, `reviewer-${(index % REVIEWERS) + 1}`),
          ),
        );
        const reviewsMs = performance.now() - raceBegan;
        expect(outcomes.filter((outcome) => outcome !== '200/200')).toEqual([]);
        await app.settle();
        const settledMs = performance.now() - raceBegan;

        const byId = new Map(submitted.map((application) => [application.id, application]));
        const personsOf = (id: string) => byId.get(id)!.persons;

        // --- The quota stream: never above capacity, at any revision. ---
        const quotaEvents = await collect(app.store.readStream(quotaStreamId(REGION, YEAR, CATEGORY)));
        expect(quotaEvents[0]).toMatchObject({ type: 'QuotaCapacitySet', data: { capacity: CAPACITY } });
        const reserved = quotaEvents.filter((event) => event.type === 'SeatsReserved');
        const declined = quotaEvents.filter((event) => event.type === 'SeatReservationDeclined');
        expect(quotaEvents.filter((event) => event.type === 'SeatsReleased')).toEqual([]); // nobody included held seats to give back
        let taken = 0;
        let maxTaken = 0;
        for (const event of quotaEvents) {
          const data = event.data as { applicationId: string; persons: number; seatsTaken: number; remaining: number };
          if (event.type === 'SeatsReserved') {
            taken += data.persons;
            expect(data.persons).toBe(personsOf(data.applicationId));
            expect(data.seatsTaken).toBe(taken);
            expect(data.remaining).toBe(CAPACITY - taken);
          }
          if (event.type === 'SeatsReleased') taken -= data.persons;
          if (event.type === 'SeatReservationDeclined') {
            expect(data).toMatchObject({
              reason: QUOTA_EXHAUSTED,
              remaining: CAPACITY - taken,
              persons: personsOf(data.applicationId),
            });
            expect(data.persons).toBeGreaterThan(data.remaining);
          }
          maxTaken = Math.max(maxTaken, taken);
        }
        expect(maxTaken).toBeLessThanOrEqual(CAPACITY);
        const reservedIds = idsOf(reserved);
        const declinedIds = idsOf(declined);
        expect(new Set(reservedIds).size).toBe(reservedIds.length); // one answer per application
        expect(new Set(declinedIds).size).toBe(declinedIds.length);
        expect(reservedIds.filter((id) => declinedIds.includes(id))).toEqual([]);
        expect(new Set([...reservedIds, ...declinedIds])).toEqual(
          new Set(submitted.map((application) => application.id)),
        );
        const personsIncluded = reservedIds.reduce((sum, id) => sum + personsOf(id), 0);
        expect(personsIncluded).toBe(taken);
        expect(personsIncluded).toBeLessThanOrEqual(CAPACITY);

        // --- The rule: first fit in the order the reviews were recorded, replayed here exactly. ---
        const reviews = (await collect(app.store.readAll({ filter: { eventTypes: ['ApplicationReviewed'] } }))).filter(
          (event) => byId.has(idOf(event)),
        );
        expect(reviews).toHaveLength(APPLICATIONS);
        let free = CAPACITY;
        const firstFit: string[] = [];
        for (const review of reviews) {
          const persons = personsOf(idOf(review));
          if (persons <= free) {
            free -= persons;
            firstFit.push(idOf(review));
          }
        }
        expect(reservedIds).toEqual(firstFit);
        // Filled as far as it could be: no refused family would fit in the seats left.
        expect(declinedIds.length).toBeGreaterThan(0); // ~700 persons asked for 50 seats
        const refusedSizes = declinedIds.map(personsOf);
        const smallestRefused = Math.min(...refusedSizes);
        expect(CAPACITY - personsIncluded).toBeLessThan(smallestRefused);

        // --- Every application decided: included (seats reserved) or a refusal proposed on the quota
        // ground (ADR 32: the applicant heard before a supervisor confirms it, which has no HTTP endpoint
        // until issue 20's part 2). ---
        const included = await ofTypeByApplication(app, 'ApplicationIncluded');
        const refused = await ofTypeByApplication(app, 'RefusalProposed');
        expect([...included.keys()].sort()).toEqual([...reservedIds].sort());
        expect([...refused.keys()].sort()).toEqual([...declinedIds].sort());
        for (const [id, events] of included) {
          expect(events).toHaveLength(1);
          expect(events[0]!.data).toMatchObject({
            persons: personsOf(id),
            region: REGION,
            year: YEAR,
            category: CATEGORY,
          });
        }
        for (const events of refused.values()) {
          expect(events).toHaveLength(1);
          expect((events[0]!.data as { grounds: string[] }).grounds).toEqual([QUOTA_EXHAUSTED]);
        }

        // --- Subsidies: exactly one relocation and one rent subsidy per included family, none otherwise. ---
        const grants = await ofTypeByApplication(app, 'SubsidyGranted');
        expect([...grants.keys()].sort()).toEqual([...reservedIds].sort());
        let subsidyAmount = 0;
        for (const [id, events] of grants) {
          const kinds = events.map((event) => (event.data as { kind: string }).kind).sort();
          expect(kinds).toEqual(['relocation', 'rent']);
          const relocation = events.find((event) => (event.data as { kind: string }).kind === 'relocation')!.data as {
            inputs: { persons: number };
          };
          expect(relocation.inputs.persons).toBe(personsOf(id));
          subsidyAmount += events.reduce((sum, event) => sum + (event.data as { amount: number }).amount, 0);
        }

        // --- The read models say the same. ---
        const supervisor = app.as('supervisor', 'supervisor-1');
        const usage = await supervisor.get(`/quotas?region=${REGION}&year=${YEAR}&category=${CATEGORY}`).expect(200);
        expect(usage.body.data.items).toEqual([
          expect.objectContaining({
            capacity: CAPACITY,
            seatsTaken: personsIncluded,
            remaining: CAPACITY - personsIncluded,
            reservations: reservedIds.length,
            releases: 0,
            declined: declinedIds.length,
          }),
        ]);
        const rows = await listApplications(app);
        expect(rows).toHaveLength(APPLICATIONS);
        const includedRows = rows.filter((row) => row.status === 'included');
        // A proposed refusal reads as the review it follows, awaiting the decision (ADR 32).
        const refusedRows = rows.filter((row) => row.status === 'reviewed');
        expect(includedRows.length + refusedRows.length).toBe(APPLICATIONS); // none stuck under review
        expect(includedRows.map((row) => row.applicationId).sort()).toEqual([...reservedIds].sort());
        expect(includedRows.reduce((sum, row) => sum + row.persons, 0)).toBe(personsIncluded);
        for (const row of includedRows)
          expect(row).toMatchObject({
            decision: 'included',
            persons: personsOf(row.applicationId),
            relocationAmount: expect.any(Number),
            rentAmount: expect.any(Number),
          });
        expect(refusedRows.map((row) => row.applicationId).sort()).toEqual([...declinedIds].sort());
        for (const row of refusedRows)
          expect(row).toMatchObject({ decision: null, relocationAmount: null, rentAmount: null });
        const totals = await supervisor.get(`/subsidies/totals?decisionYear=${YEAR}&region=${REGION}`).expect(200);
        expect(totals.body.data.grandTotal).toEqual({ count: 2 * reservedIds.length, amount: subsidyAmount });
        const parked = await app.as('admin').get('/admin/dead-letters').expect(200);
        expect(parked.body).toEqual({ items: [], nextCursor: null });

        const durationMs = performance.now() - began;
        recordFigures('quota-race', {
          seed,
          applications: APPLICATIONS,
          seats: CAPACITY,
          reviewers: REVIEWERS,
          familySizes: histogram(submitted.map((application) => application.persons)),
          personsApplying: submitted.reduce((sum, application) => sum + application.persons, 0),
          familiesIncluded: reservedIds.length,
          personsIncluded,
          seatsLeft: CAPACITY - personsIncluded,
          refusedForQuota: declinedIds.length,
          smallestRefusedFamily: smallestRefused,
          subsidiesGranted: 2 * reservedIds.length,
          rule: 'first fit in the order the reviews were recorded',
          setupMs: Math.round(setupMs),
          concurrentReviewsMs: Math.round(reviewsMs),
          reviewsToSettledMs: Math.round(settledMs),
          durationMs: Math.round(durationMs),
        });
      }),
    TIMEOUT_MS,
  );
});

/**
 * Over HTTP the reservations reach the quota one at a time (the durable saga runs a quota's steps
 * one after the other, ADR 13), so the HTTP race above never makes two writers meet on the quota
 * stream. Two service instances on one SQLite file would: here two store connections race 120 ReserveSeats on one
 * quota through the real load → decide → append path, and optimistic concurrency alone must hold.
 */
describe('quota race between two writers on one SQLite file (what a second instance would do)', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it(
    '120 concurrent ReserveSeats from two connections: never over capacity; a writer that keeps losing is refused whole and, retried, answered once',
    () =>
      withSeed('quota-race (two writers)', SEED, async (seed) => {
        dir = mkdtempSync(join(tmpdir(), 'kandas-quota-race-'));
        const filename = join(dir, 'events.sqlite');
        const stores = [
          SqliteEventStore.open({ filename, synchronous: 'FULL' }),
          SqliteEventStore.open({ filename, synchronous: 'FULL' }),
        ];
        const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES);
        const key = { region: 'akmola' as const, year: YEAR, category: CATEGORY as 'kandas' };
        const streamId = quotaStreamId(key.region, key.year, key.category);
        const run = (store: SqliteEventStore, command: QuotaCommand, commandId: string) => {
          const context: CommandContext = {
            commandId,
            correlationId: commandId,
            causationId: commandId,
            actor: { id: 'saga', role: 'system' },
            now: new Date(command.at),
          };
          return handleCommand(store, registry, { streamId, decider: regionalQuotaDecider, command, context });
        };
        try {
          const at = '2026-03-02T05:00:00.000Z';
          await run(
            stores[0]!,
            {
              type: 'SetQuotaCapacity',
              ...key,
              capacity: CAPACITY,
              order: { number: '12-01/412', date: '2025-12-12' },
              at,
            },
            randomUUID(),
          );
          const random = new SeededRandom(seed ^ 0x5eed).next;
          const requests = Array.from({ length: 120 }, (_, index) => ({
            applicationId: randomUUID(),
            persons: 1 + Math.floor(random() * 6),
            commandId: randomUUID(),
            store: stores[index % 2]!,
          }));
          const reserve = (r: (typeof requests)[number]) =>
            run(
              r.store,
              { type: 'ReserveSeats', ...key, applicationId: r.applicationId, persons: r.persons, at },
              r.commandId,
            );
          const first = await Promise.allSettled(requests.map(reserve));
          const lost = requests.filter((_, index) => first[index]!.status === 'rejected');
          for (const outcome of first) {
            if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
            else expect(outcome.value.events).toHaveLength(1);
          }
          // The losers appended nothing; retried with their command ids, each is answered exactly once.
          const before = await collect(stores[0]!.readStream(streamId));
          const answered = new Set(before.map((event) => (event.data as { applicationId?: string }).applicationId));
          expect(lost.filter((r) => answered.has(r.applicationId))).toEqual([]);
          for (const r of lost) await reserve(r);
          for (const r of requests) await reserve(r); // a second retry of everyone: already handled, nothing new
          const events = await collect(stores[1]!.readStream(streamId));
          expect(events).toHaveLength(1 + requests.length);
          const persons = new Map<string, number>(requests.map((r) => [r.applicationId, r.persons]));
          let taken = 0;
          let maxTaken = 0;
          for (const event of events.slice(1)) {
            const data = event.data as {
              applicationId: string;
              persons: number;
              seatsTaken: number;
              remaining: number;
            };
            expect(data.persons).toBe(persons.get(data.applicationId));
            if (event.type === 'SeatsReserved') {
              taken += data.persons;
              expect(data.seatsTaken).toBe(taken);
            } else {
              expect(event.type).toBe('SeatReservationDeclined');
              expect(data).toMatchObject({ reason: QUOTA_EXHAUSTED, remaining: CAPACITY - taken });
              expect(data.persons).toBeGreaterThan(CAPACITY - taken);
            }
            maxTaken = Math.max(maxTaken, taken);
          }
          expect(maxTaken).toBeLessThanOrEqual(CAPACITY);
          expect(new Set(events.slice(1).map(idOf)).size).toBe(requests.length);
          recordFigures('quota-race-two-writers', {
            seed,
            reservations: requests.length,
            seats: CAPACITY,
            lostTheRaceFirstTime: lost.length,
            reserved: events.filter((event) => event.type === 'SeatsReserved').length,
            personsReserved: taken,
            declined: events.filter((event) => event.type === 'SeatReservationDeclined').length,
          });
        } finally {
          for (const store of stores) await store.close();
        }
      }),
    TIMEOUT_MS,
  );
});

/** E2eApp, held on SQLite even if the caller's environment asks the e2e suite for EventStoreDB. */
async function startOnSqlite(): Promise<E2eApp> {
  const asked = process.env.E2E_EVENT_STORE;
  delete process.env.E2E_EVENT_STORE;
  try {
    const app = await E2eApp.start({
      env: { EVENT_STORE: 'sqlite', SQLITE_SYNCHRONOUS: 'FULL', KANDAS_COMMAND_RATE_LIMITS: 'off' },
    });
    expect(existsSync(join(app.dir, 'events.sqlite'))).toBe(true);
    return app;
  } finally {
    if (asked !== undefined) process.env.E2E_EVENT_STORE = asked;
  }
}

/** Submits and signs with an OTP, as the portal does, for the family's own applicant. */
async function submitAndSign(e: E2eApp, family: RaceFamily): Promise<string> {
  const portal = e.as('portal', 'egov');
  const submitted = await portal.post('/applications', family.submission).expect(201);
  const id = submitted.body.applicationId as string;
  const otp = await portal.post(`/applications/${id}/otp`, { signerIin: family.applicantIin }).expect(201);
  await portal
    .post(`/applications/${id}/sign`, {
      method: 'otp',
      signerIin: family.applicantIin,
      otpRequestId: otp.body.otpRequestId,
      code: otp.body.code,
    })
    .expect(201);
  return id;
}

/** Takes the review and records it eligible; answers the two statuses, e.g. '200/200'. */
async function reviewEligible(e: E2eApp, id: string, reviewer: string): Promise<string> {
  const start = await e.as('reviewer', reviewer).post(`/applications/${id}/review/start`);
  if (start.status !== 200) return `${start.status} ${start.text.slice(0, 200)}`;
  const review = await e
    .as('reviewer', reviewer)
    .post(`/applications/${id}/review`, { verdict: 'eligible', findings: ALL_ACCEPTED, grounds: [] });
  return review.status === 200 ? '200/200' : `200/${review.status} ${review.text.slice(0, 200)}`;
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

function idOf(event: RecordedEvent): string {
  return (event.data as { applicationId: string }).applicationId;
}

function idsOf(events: readonly RecordedEvent[]): string[] {
  return events.map(idOf);
}

async function ofTypeByApplication(e: E2eApp, type: string): Promise<Map<string, RecordedEvent[]>> {
  const events = await collect(e.store.readAll({ filter: { eventTypes: [type], streamPrefixes: ['application-'] } }));
  const byApplication = new Map<string, RecordedEvent[]>();
  for (const event of events) byApplication.set(idOf(event), [...(byApplication.get(idOf(event)) ?? []), event]);
  return byApplication;
}

interface ApplicationRow {
  readonly applicationId: string;
  readonly status: string;
  readonly persons: number;
}

/** The applications read model, every page, as a reviewer reads it. */
async function listApplications(e: E2eApp): Promise<Array<ApplicationRow & Record<string, unknown>>> {
  const rows: Array<ApplicationRow & Record<string, unknown>> = [];
  let cursor: string | null = null;
  do {
    const query: string = `/applications?region=${REGION}&year=${YEAR}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await e.as('reviewer', 'reviewer-1').get(query).expect(200);
    rows.push(...page.body.data.items);
    cursor = page.body.data.nextCursor;
  } while (cursor !== null);
  return rows;
}

function histogram(values: readonly number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of [...values].sort()) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
