/**
 * Aggregate load (issue 9, point 3): the time to load one aggregate of 1,000 events from the SQLite
 * store with the real loader (`loadAggregate`: read the stream, upcast, fold with the decider), as
 * every command on that aggregate does before it decides.
 *
 * The aggregate is a regional quota (RegionalQuota decider): the minister's capacity, then seat
 * reservations and releases (and the odd decline) as applications are included, refused and
 * withdrawn. Its 1,000 events sit among the other 14 quotas of the 2026 order, each as long, written
 * round-robin, so the stream's rows are spread over the file as in a real store.
 */
import { join } from 'node:path';
import { ApplicantCategory, RegionCode } from '@domain/shared/region';
import {
  QUOTA_ORDERS,
  QuotaCommand,
  QuotaEvent,
  QuotaState,
  quotaStreamId,
  regionalQuotaDecider,
  remainingSeats,
} from '@domain/quota';
import {
  CommandContext,
  eventIdFor,
  EventTypeRegistry,
  KANDAS_NAMESPACE,
  loadAggregate,
  metadataFor,
  uuidV5,
} from '@libs/event-sourcing';
import { DISCLOSURE_EVENT_TYPES, WORKFLOW_EVENT_TYPES } from '@libs/workflow';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import { SeededRandom } from '@libs/seeded-random';
import { peakRssMb } from '../support/memory';
import { emitReport } from '../support/result';
import { isQuick, scratchDir } from '../support/scratch';
import { millisSince, now, percentile } from '../support/stats';

const quick = isQuick();
const SETUP = {
  eventsPerAggregate: 1_000,
  /** Every quota of the 2026 order, so that the loaded stream is one among several of its length. */
  aggregates: quick ? 3 : 15,
  warmupLoads: quick ? 5 : 20,
  loads: quick ? 20 : 200,
  measured: 'regional-quota-pavlodar-2026-kandas',
  /** Share of steps that release a family's seats (a refusal or a withdrawal) rather than reserve. */
  releaseShare: 0.35,
  seed: 9,
};

interface Quota {
  readonly streamId: string;
  readonly region: RegionCode;
  readonly category: ApplicantCategory;
  readonly capacity: number;
  state: QuotaState;
  revision: number;
  readonly held: string[];
  next: number;
}

async function main(): Promise<void> {
  const order = QUOTA_ORDERS.find((o) => o.year === 2026)!;
  const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES).registerAll(DISCLOSURE_EVENT_TYPES);
  const random = new SeededRandom(SETUP.seed).next;
  const scratch = scratchDir('aggregate-load');
  const store = SqliteEventStore.open({ filename: join(scratch.dir, 'events.sqlite'), synchronous: 'NORMAL' });
  try {
    const quotas: Quota[] = [];
    for (const category of ['kandas', 'resettler'] as const) {
      for (const [region, capacity] of Object.entries(order.categories[category].regions) as Array<
        [RegionCode, number]
      >) {
        quotas.push({
          streamId: quotaStreamId(region, 2026, category),
          region,
          category,
          capacity,
          state: regionalQuotaDecider.initialState(),
          revision: -1,
          held: [],
          next: 0,
        });
      }
    }
    const chosen = [
      quotas.find((q) => q.streamId === SETUP.measured)!,
      ...quotas.filter((q) => q.streamId !== SETUP.measured),
    ].slice(0, SETUP.aggregates);

    // Written as the command handler does it (decide on the folded state, append at the expected
    // revision, event ids derived from the command id), keeping the state in memory to go fast.
    const setupStarted = now();
    let clock = Date.parse('2026-01-12T04:00:00.000Z');
    const decideAndAppend = async (quota: Quota, command: QuotaCommand): Promise<void> => {
      const commandId = uuidV5(`bench:${quota.streamId}:${quota.next++}`, KANDAS_NAMESPACE);
      const context: CommandContext = {
        commandId,
        correlationId: commandId,
        causationId: commandId,
        actor: { id: 'review-saga', role: 'system' },
        now: new Date(clock),
      };
      const events = regionalQuotaDecider.decide(command, quota.state) as QuotaEvent[];
      if (events.length === 0) return;
      const metadata = metadataFor(context);
      await store.append(
        quota.streamId,
        events.map((event, index) => ({
          eventId: eventIdFor(commandId, index),
          type: event.type,
          schemaVersion: registry.currentVersion(event.type),
          data: event.data,
          metadata,
        })),
        { expectedRevision: quota.revision === -1 ? 'no-stream' : quota.revision },
      );
      for (const event of events) quota.state = regionalQuotaDecider.evolve(quota.state, event);
      quota.revision += events.length;
    };
    for (const quota of chosen) {
      const key = { region: quota.region, year: 2026, category: quota.category };
      await decideAndAppend(quota, {
        type: 'SetQuotaCapacity',
        ...key,
        capacity: quota.capacity,
        order: { number: order.number, date: order.date! },
        at: new Date(clock).toISOString(),
      });
    }
    let applications = 0;
    while (chosen.some((q) => q.revision < SETUP.eventsPerAggregate - 1)) {
      for (const quota of chosen) {
        if (quota.revision >= SETUP.eventsPerAggregate - 1) continue;
        clock += 60_000;
        const at = new Date(clock).toISOString();
        const key = { region: quota.region, year: 2026, category: quota.category };
        const persons = 1 + Math.floor(random() * 6);
        const open = quota.state.status === 'open' ? quota.state : undefined;
        const mustRelease = open !== undefined && remainingSeats(open) < persons;
        if (quota.held.length > 0 && (mustRelease || random() < SETUP.releaseShare)) {
          const [applicationId] = quota.held.splice(Math.floor(random() * quota.held.length), 1);
          await decideAndAppend(quota, {
            type: 'ReleaseSeats',
            ...key,
            applicationId: applicationId!,
            reason: random() < 0.5 ? 'refused' : 'withdrawn',
            at,
          });
        } else {
          const applicationId = uuidV5(`bench-application:${applications++}`, KANDAS_NAMESPACE);
          await decideAndAppend(quota, { type: 'ReserveSeats', ...key, applicationId, persons, at });
          if (quota.state.status === 'open' && quota.state.reservations.has(applicationId))
            quota.held.push(applicationId);
        }
      }
    }
    const setupMs = millisSince(setupStarted);
    const head = await store.headPosition();

    const measured = chosen[0]!;
    const typeCounts: Record<string, number> = {};
    for await (const event of store.readStream(measured.streamId))
      typeCounts[event.type] = (typeCounts[event.type] ?? 0) + 1;

    const load = () =>
      loadAggregate(
        store,
        registry,
        measured.streamId,
        regionalQuotaDecider,
        uuidV5('bench:a command not yet handled', KANDAS_NAMESPACE),
      );
    for (let i = 0; i < SETUP.warmupLoads; i++) await load();
    const sample: number[] = [];
    let last: Awaited<ReturnType<typeof load>> | undefined;
    for (let i = 0; i < SETUP.loads; i++) {
      const started = now();
      last = await load();
      sample.push(millisSince(started));
    }
    // Where the time goes: reading and decoding the stream, upcasting, and folding with the decider.
    const readOnly: number[] = [];
    const foldOnly: number[] = [];
    for (let i = 0; i < Math.min(SETUP.loads, 50); i++) {
      let started = now();
      const events = [];
      for await (const stored of store.readStream(measured.streamId)) events.push(registry.upcast(stored));
      readOnly.push(millisSince(started));
      started = now();
      let state = regionalQuotaDecider.initialState();
      for (const event of events)
        state = regionalQuotaDecider.evolve(state, { type: event.type, data: event.data } as QuotaEvent);
      foldOnly.push(millisSince(started));
    }
    if (!last || last.revision !== SETUP.eventsPerAggregate - 1 || last.state.status !== 'open')
      throw new Error(`loaded revision ${last?.revision}, state ${last?.state.status}`);
    const mean = sample.reduce((a, b) => a + b, 0) / sample.length;
    const p50 = percentile(sample, 50);
    const p99 = percentile(sample, 99);
    process.stdout.write(
      `loaded ${measured.streamId} (${last.revision + 1} events) ${SETUP.loads} times: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, mean ${mean.toFixed(2)} ms ` +
        `(read + upcast p50 ${percentile(readOnly, 50).toFixed(2)} ms, fold p50 ${percentile(foldOnly, 50).toFixed(2)} ms)\n`,
    );
    const details = {
      loads: SETUP.loads,
      meanMs: mean,
      minMs: Math.min(...sample),
      maxMs: Math.max(...sample),
      eventsPerSecondAtP50: (SETUP.eventsPerAggregate / p50) * 1000,
      readAndUpcastP50Ms: percentile(readOnly, 50),
      foldP50Ms: percentile(foldOnly, 50),
      stream: measured.streamId,
      streamEvents: typeCounts,
      seatsTaken: measured.state.status === 'open' ? measured.state.taken : null,
      capacity: measured.capacity,
    };
    emitReport({
      workload: 'aggregate-load',
      setup: {
        ...SETUP,
        storeEvents: Number(head ?? 0n),
        setupMs: Math.round(setupMs),
        store: 'SqliteEventStore (page size 512), read with readStream',
        peakRssMb: Math.round(peakRssMb()),
      },
      measurements: [
        {
          name: 'aggregate load · 1,000-event quota stream · p50',
          subject: 'ours',
          value: p50,
          unit: 'ms',
          better: 'lower',
          details,
        },
        {
          name: 'aggregate load · 1,000-event quota stream · p99',
          subject: 'ours',
          value: p99,
          unit: 'ms',
          better: 'lower',
        },
      ],
    });
  } finally {
    await store.close();
    scratch.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `aggregate-load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
