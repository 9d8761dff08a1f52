import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@libs/event-sourcing';
import { ServiceSigningKey } from '@libs/auth';
import { SeededRandom } from '@libs/seeded-random';
import { localDateOf } from '@domain/shared/calendar-date';
import { supportStreamId } from '@domain/support';
import { EventStoreDbEventStore } from '@infra/event-store/eventstoredb/eventstoredb-event-store';
import { EventStoreDbWireDouble } from '../support/eventstoredb-double';
import { recordFigures } from './support/figures';
import { CrashClient, Tokens, type Caller } from './crash/crash-client';
import { crashServerEnv, runCrashTest } from './crash/crash-run';
import { familyFor, type ApplicationPlan } from './crash/families';
import { writeClockFile } from './crash/file-clock';
import { arrive, newJourney, openQuota, recordReview, sign, startReview, submit, type Journey } from './crash/journeys';
import { runClients } from './crash/run-clients';
import { buildServer, CrashServer } from './crash/server-control';
import { applicationStream, byStream } from './crash/store-audit';
import { CountingPortal } from './instances/counting-portal';
import { eventually } from './instances/eventually';
import {
  effectsOf,
  missing,
  noticeKindsOwed,
  noticesUnsettled,
  notOnce,
  seatsNotOnce,
  storedNotices,
} from './instances/once-audit';

/**
 * Issue 22, deliverable 4: two back-office processes — each its own Node process, port and
 * read-models file, as behind a load balancer (ADR 9) — serve requests at once on one EventStoreDB
 * (the wire double), each running every subscription, the deadline scheduler and the notice
 * delivery worker. Every application is driven through both: submitted through one, signed through
 * the other, taken for review through the first and found eligible through the second; the families
 * arrive through either; then the clock passes the abandoned reviews' deadlines and three rent days.
 *
 * Against the store: each decision and saga effect (seats, inclusion, both subsidies, the support
 * opened), each deadline (at risk, breached, escalated, each payment order) happened once. Against a
 * portal receiver that counts posts by notice id: each notice was posted once — not merely applied
 * once — and recorded delivered once (ADR 35). And both instances' read models converge: the same
 * answers, at the same position, to the same queries.
 *
 * The clock is a file both processes read (the crash harness's); nothing here waits for wall time
 * except conditions, each with a generous bound. Replay a run with KANDAS_TEST_SEED=<seed>.
 */

/** The test's own bound (about 15 s on two idle cores): past it, it fails naming the seed and the step. */
const TEST_BUDGET_MS = 150_000;
const TEST_TIMEOUT_MS = TEST_BUDGET_MS + 7_000;
const BUILD_TIMEOUT_MS = 60_000;
/** Bound on each wait for the workflow to settle: both instances at work on a busy machine. */
const SETTLE_TIMEOUT_MS = 60_000;

/** Monday 2 March 2026, 10:00 in Astana. */
const T0 = '2026-03-02T05:00:00.000Z';
/** Thursday 11 June 2026, 11:00 in Astana: the abandoned reviews long past due, three rents owed each family. */
const LATER = '2026-06-11T06:00:00.000Z';
/** Journeys run side by side, each through both instances. */
const CLIENTS = 4;
const ELIGIBLE = 6;
const ABANDONED = 2;
/** Both instances poll often, so that they race for every deadline and every notice. */
const TICK_MS = '25';

const READER: Caller = { role: 'supervisor', id: 'supervisor-1' };
const PAYMENTS: Caller = { role: 'payments', id: 'payments-1' };

describe('two back-office processes serving at once on one EventStoreDB (issue 22)', () => {
  let build: { dir: string; ms: number } | undefined;
  let dataDir: string | undefined;
  let double: EventStoreDbWireDouble | undefined;
  let store: EventStoreDbEventStore | undefined;
  let portal: CountingPortal | undefined;
  const servers: CrashServer[] = [];
  let keepData = false;
  let step = 'starting';

  beforeAll(() => {
    build = buildServer();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.dispose()));
    await store?.close();
    await double?.stop();
    await portal?.close();
    if (build) rmSync(build.dir, { recursive: true, force: true });
    if (dataDir && !keepData) rmSync(dataDir, { recursive: true, force: true });
    else if (dataDir) process.stderr.write(`[two instances] the failed run's files are kept in ${dataDir}\n`);
  });

  it(
    'acts once on every event, fires every deadline once, posts every notice once, and both read models converge',
    () =>
      runCrashTest({
        name: 'two-instances test',
        budgetMs: TEST_BUDGET_MS,
        step: () => step,
        server: () => servers[0],
        onFailure: () => (keepData = true),
        body: twoInstances,
      }),
    TEST_TIMEOUT_MS,
  );

  async function twoInstances(seed: number): Promise<void> {
    const started = performance.now();
    const random = new SeededRandom(seed).next;
    dataDir = mkdtempSync(join(tmpdir(), 'kandas-two-instances-'));
    const clockFile = join(dataDir, 'clock.txt');
    let clock = T0;
    const moveClock = (instant: string) => {
      clock = instant;
      writeClockFile(clockFile, instant);
    };
    moveClock(T0);

    // One store, one portal, one service key (both instances sign notices with it), one clock.
    double = await EventStoreDbWireDouble.start();
    store = new EventStoreDbEventStore(double.connectionString);
    const key = ServiceSigningKey.generate();
    const keyFile = join(dataDir, 'service-signing-key.pem');
    writeFileSync(keyFile, key.privateKeyPem(), { mode: 0o600 });
    portal = await CountingPortal.start(key.publicKeyPem, () => new Date(clock));

    step = 'starting both instances at once';
    const instances = ['a', 'b'].map((name) => {
      const env: NodeJS.ProcessEnv = {
        ...crashServerEnv({
          eventsFile: join(dataDir!, `${name}-events-unused.sqlite`),
          readModelsFile: join(dataDir!, `${name}-read-models.sqlite`),
          clockFile,
        }),
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: double!.connectionString,
        SQLITE_SYNCHRONOUS: 'NORMAL',
        KANDAS_SIGNING_KEY_FILE: keyFile,
        KANDAS_PORTAL_NOTICES_URL: portal!.url,
        KANDAS_SCHEDULER_INTERVAL_MS: TICK_MS,
        KANDAS_NOTICE_DELIVERY_INTERVAL_MS: TICK_MS,
      };
      const server = new CrashServer(build!.dir, env);
      servers.push(server);
      return { server, client: new CrashClient(server, new Tokens(env, () => clock)) };
    });
    await Promise.all(instances.map(({ server }) => server.start()));
    const [a, b] = instances.map(({ client }) => client) as [CrashClient, CrashClient];
    /** The instance a journey's odd steps go through, and the one its even steps go through. */
    const pairOf = (journey: Journey): [CrashClient, CrashClient] => (journey.plan.client % 2 === 0 ? [a, b] : [b, a]);

    const plans: ApplicationPlan[] = Array.from({ length: ELIGIBLE + ABANDONED }, (_, serial) => ({
      label: `i-c${serial % CLIENTS}-a${serial}`,
      client: serial % CLIENTS,
      plan: serial < ELIGIBLE ? 'eligible' : 'abandoned',
      // One abandoned application is taken for review and left; the other is never taken.
      startReview: serial < ELIGIBLE || serial % 2 === 0,
      complaint: null,
      ...familyFor(serial, random),
    }));
    const journeys = plans.map(newJourney);
    const eligible = journeys.filter((journey) => journey.plan.plan === 'eligible');

    // ---- Requests through both instances at once.
    step = 'the journeys';
    await openQuota(a, 977);
    await runClients(journeys, async (journey) => {
      const [first, second] = pairOf(journey);
      await submit(first, journey);
      await sign(second, journey);
      if (!journey.plan.startReview) return;
      await startReview(first, journey);
      if (journey.plan.plan === 'eligible') await recordReview(second, journey, 'eligible');
    });
    const allEvents = () => readAll(store!);
    step = 'the sagas of both instances including every eligible family';
    await eventually(
      'every eligible family included with both subsidies, and every notice owed so far delivered',
      async () => {
        const events = await allEvents();
        const streams = byStream(events);
        const undecided = eligible
          .filter((journey) => {
            const stream = streams.get(applicationStream(journey.applicationId!)) ?? [];
            return stream.filter((event) => event.type === 'SubsidyGranted').length < 2;
          })
          .map((journey) => `${journey.plan.label}: not yet included with both subsidies`);
        return [...undecided, ...noticesUnsettled(journeys, storedNotices(events))];
      },
      SETTLE_TIMEOUT_MS,
    );

    // ---- The families arrive, each through the instance that did not find it eligible.
    step = 'the arrivals';
    const arrivalDay = localDateOf(clock);
    await runClients(eligible, (journey) => arrive(pairOf(journey)[0], journey, arrivalDay));
    await eventually(
      'every family’s support opened and its arrival told',
      async () => {
        const events = await allEvents();
        const opened = new Set(events.filter((event) => event.type === 'SupportOpened').map((event) => event.streamId));
        const notOpened = eligible
          .filter((journey) => !opened.has(supportStreamId(journey.applicationId!)))
          .map((journey) => `${journey.plan.label}: no support opened yet`);
        return [...notOpened, ...noticesUnsettled(journeys, storedNotices(events))];
      },
      SETTLE_TIMEOUT_MS,
    );

    // ---- The clock passes the abandoned reviews' deadlines and three rent days: both schedulers owe them all.
    // Moved only now that nothing is in flight: a notice signed before the move would be refused as stale.
    step = 'the deadlines';
    moveClock(LATER);
    let events: RecordedEvent[] = [];
    await eventually(
      'every deadline fired and every notice delivered',
      async () => {
        events = await allEvents();
        const streams = byStream(events);
        return [
          ...journeys.flatMap((journey) => missing(effectsOf(journey, streams))),
          ...noticesUnsettled(journeys, storedNotices(events)),
        ];
      },
      SETTLE_TIMEOUT_MS,
    );

    // ---- Both instances' read models converge: the same answers at the same position.
    step = 'the read models converging';
    const head = (await store.headPosition())!.toString();
    const queries = [
      '/applications?limit=100',
      ...journeys.map((journey) => `/applications/${journey.applicationId}`),
      '/quotas?year=2026',
      '/subsidies/totals',
      '/dashboard/sla?year=2026',
      '/queues/unassigned',
    ].map((path) => ({ caller: READER, path }));
    queries.push(
      ...['2026-04', '2026-05', '2026-06'].map((month) => ({
        caller: PAYMENTS,
        path: `/payments/register?month=${month}`,
      })),
    );
    let answers: { path: string; a: unknown; b: unknown }[] = [];
    await eventually(
      'both instances answering every query alike',
      async () => {
        answers = await Promise.all(
          queries.map(async ({ caller, path }) => {
            const at = `${path}${path.includes('?') ? '&' : '?'}atLeast=${head}`;
            const [fromA, fromB] = await Promise.all([a.call(caller, 'GET', at), b.call(caller, 'GET', at)]);
            return { path, a: [fromA.status, fromA.body], b: [fromB.status, fromB.body] };
          }),
        );
        return answers
          .filter(({ a: fromA, b: fromB }) => JSON.stringify(fromA) !== JSON.stringify(fromB))
          .map(({ path }) => `${path}: the instances answer differently`);
      },
      SETTLE_TIMEOUT_MS,
    );
    step = 'checking';
    events = await allEvents();
    await Promise.all(servers.map((server) => server.stop()));

    // Each effect of the sagas and of the deadlines happened once.
    const streams = byStream(events);
    expect(journeys.flatMap((journey) => notOnce(effectsOf(journey, streams)))).toEqual([]);
    const quota = streams.get('regional-quota-pavlodar-2026-kandas') ?? [];
    const included = eligible.map((journey) => journey.applicationId!);
    expect(seatsNotOnce(quota, included)).toEqual([]);

    // Each notice issued once per kind owed, posted once, applied once, recorded delivered once.
    const notices = storedNotices(events);
    for (const journey of journeys)
      expect({
        label: journey.plan.label,
        kinds: notices
          .filter((notice) => notice.applicationId === journey.applicationId)
          .map((notice) => notice.kind)
          .sort(),
      }).toEqual({ label: journey.plan.label, kinds: noticeKindsOwed(journey) });
    expect(portal.postedTwice()).toEqual({});
    expect(notices.filter((notice) => portal!.postsOf(notice.noticeId) !== 1)).toEqual([]);
    expect(portal.totalPosts).toBe(notices.length);
    expect(portal.refused).toBe(0);
    expect(portal.portal.duplicates).toBe(0);
    expect(notices.filter((notice) => notice.delivered !== 1)).toEqual([]);

    // The read models of both reflect the store (not merely each other). The position an answer
    // reflects may be short of the head when the last events are none of its read model's concern.
    expect(answers.filter(({ a: fromA }) => (fromA as [number])[0] !== 200)).toEqual([]);
    const detailsOf = (journey: Journey) =>
      answers.find(({ path }) => path === `/applications/${journey.applicationId}`)!;
    for (const journey of eligible) expect(detailsOf(journey).a).toMatchObject([200, { data: { status: 'included' } }]);
    expect(servers.flatMap((server) => server.unexpectedExits)).toEqual([]);
    expect([a, b].flatMap((client) => client.unexpected)).toEqual([]);

    const claimants = new Set(
      events
        .filter((event) => event.type === 'NoticeDeliveryClaimed')
        .map((event) => (event.data as { claimedBy: string }).claimedBy),
    );
    recordFigures('two-instances', {
      seed,
      applications: journeys.length,
      events: events.length,
      noticesIssued: notices.length,
      postsReceived: portal.totalPosts,
      instancesThatDelivered: claimants.size,
      paymentOrders: events.filter((event) => event.type === 'PaymentOrderIssued').length,
      queriesCompared: answers.length,
      totalMs: Math.round(performance.now() - started),
    });
  }
});

async function readAll(store: EventStoreDbEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}
