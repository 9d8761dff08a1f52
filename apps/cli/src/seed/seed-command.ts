import { NestFactory } from '@nestjs/core';
import type Database from 'better-sqlite3';
import type { ApplicationSubmitted } from '@domain/application';
import { personsOf } from '@domain/person';
import { QUOTA_ORDERS } from '@domain/quota';
import { EVENT_STORE, SubscriptionsHost } from '@libs/event-sourcing-nest';
import type { EventStore, Position } from '@libs/event-sourcing';
import {
  DEAD_LETTERS,
  LAW_BASELINE_ACTOR,
  QUOTA_ORDERS_ACTOR,
  READ_MODELS_DB,
  RecordedLaw,
  recordLawBaseline,
  WORKFLOW_EVENT_TYPES,
} from '@libs/workflow';
import { EventTypeRegistry, readAllAfter } from '@libs/event-sourcing';
import { WorkflowModule } from '@apps/composition-root';
import type { DeadLetterStore } from '@libs/event-sourcing';
import { readRuntimeConfig, RuntimeConfig } from '@infra/config/runtime-config';
import { openEventStore } from '@infra/event-store/open-event-store';
import { almatyInstant } from './dates';
import { countOutcomes, OutcomeCounts } from './outcomes';
import { planSeed } from './plan';
import { SeedClock } from './seed-clock';
import { SeedSimulation, SimulationStats, WorkingDayDone } from './simulation';

type Print = (line: string) => void;

export interface SeedOptions {
  readonly applications: number;
  readonly seed: string;
  /** First working day of the simulation, `yyyy-MM-dd`. */
  readonly from: string;
  /** Last working day of the simulation, `yyyy-MM-dd`. */
  readonly to: string;
  /** Seed even though the store already holds events. */
  readonly force: boolean;
  /** Where to find KANDAS_EVENTS_FILE, KANDAS_READ_MODELS_FILE, SQLITE_SYNCHRONOUS… (process.env by default). */
  readonly env?: NodeJS.ProcessEnv;
}

export const SEED_DEFAULTS = { applications: 400, seed: '1', from: '2026-01-12', to: '2026-11-20' } as const;

export interface SeedReport {
  readonly applications: number;
  readonly applicationIds: readonly string[];
  readonly outcomes: OutcomeCounts;
  readonly eventsWritten: number;
  readonly workingDays: number;
  readonly simulation: SimulationStats;
  /** Saga steps parked in the dead-letter list during the seed (expected: none). */
  readonly parked: number;
  readonly elapsedMs: number;
}

export type SeedResult =
  { readonly kind: 'seeded'; readonly report: SeedReport } | { readonly kind: 'refused'; readonly reason: string };

/** `npm run cli -- seed …`, its arguments parsed: returns the exit code. */
export async function runSeedCommand(
  options: SeedOptions,
  print: Print,
  onWorkingDay?: WorkingDayDone,
): Promise<number> {
  const result = await seedDemoData(options, print, onWorkingDay);
  if (result.kind === 'refused') {
    print(`Not seeding: ${result.reason}`);
    return 1;
  }
  printSummary(result.report, options, print);
  const clean = Object.keys(result.report.simulation.rejected).length === 0 && result.report.parked === 0;
  return clean ? 0 : 1;
}

/**
 * Seeds demo data: the year's quota capacities, then `applications` applications played through the
 * workflow (subscriptions running, so the saga reacts and the read models fill in) on a clock that
 * moves over the working days from `from` to `to`. Deterministic for a given seed on an empty store.
 */
export async function seedDemoData(
  options: SeedOptions,
  print: Print,
  onWorkingDay?: WorkingDayDone,
): Promise<SeedResult> {
  const started = Date.now();
  const env = options.env ?? process.env;
  const order = QUOTA_ORDERS.find((o) => o.year === Number(options.from.slice(0, 4)));
  if (!order?.date)
    return {
      kind: 'refused',
      reason: `there is no dated quota order for ${options.from.slice(0, 4)} (only ${QUOTA_ORDERS.filter((o) => o.date)
        .map((o) => o.year)
        .join(', ')})`,
    };

  // Durability FULL syncs every commit; for demo data NORMAL (safe against a crash of the process,
  // not of the machine) is enough and several times faster. Only when the environment says nothing.
  const synchronousSet = Boolean(env.SQLITE_SYNCHRONOUS);
  const runtime = readRuntimeConfig({ ...env, SQLITE_SYNCHRONOUS: env.SQLITE_SYNCHRONOUS || 'NORMAL' });
  if (!synchronousSet && runtime.eventStore === 'sqlite')
    print('SQLITE_SYNCHRONOUS is not set: seeding with NORMAL (survives a crash of the process, not a power cut).');
  if (runtime.eventStore === 'memory') print('EVENT_STORE=memory: the seeded events are gone when this command ends.');

  const headBefore = await storeHead(runtime);
  const firstOther = await firstEventBesidesQuotaOrders(runtime);
  if (firstOther !== null && !options.force) {
    return {
      kind: 'refused',
      reason:
        `the event store ${describeStore(runtime)} already holds events (head at position ${headBefore}); demo data would mix with them. ` +
        'Point KANDAS_EVENTS_FILE and KANDAS_READ_MODELS_FILE at new files, or give --force to add the demo data anyway.',
    };
  }

  const workflow = await lawOfStore(runtime, almatyInstant(options.from, 6 * 60));
  const idSalt = headBefore === null ? options.seed : `${options.seed}@${headBefore}`;
  const plan = planSeed({
    applications: options.applications,
    seed: options.seed,
    from: options.from,
    to: options.to,
    order,
    calendar: workflow.calendar,
    idSalt,
    takenIins: headBefore === null ? new Set() : await iinsInStore(runtime),
  });
  const clock = new SeedClock(almatyInstant(plan.workingDays[0]!, 7 * 60));
  const app = await NestFactory.createApplicationContext(
    WorkflowModule.forRoot({ runtime, clock, schedulerIntervalMs: null }),
    { logger: ['error', 'warn'] },
  );
  try {
    const host = app.get(SubscriptionsHost);
    if (headBefore === null && host.runners.some((runner) => runner.checkpoint !== null)) {
      return {
        kind: 'refused',
        reason:
          `the event store is empty but the read models (${runtime.readModelsFile}) hold checkpoints of another store; ` +
          'delete that file (read models are rebuilt from the events) and seed again.',
      };
    }
    print(
      `Seeding ${options.applications} applications over ${plan.workingDays.length} working days (${options.from} … ${options.to}), seed ${options.seed}, into ${describeStore(runtime)}`,
    );
    const simulation = await new SeedSimulation(app, clock, plan, idSalt, print, onWorkingDay).run();
    const ids = new Set(plan.applications.map((a) => a.applicationId));
    const readModels = app.get<Database.Database>(READ_MODELS_DB);
    const parked = (await app.get<DeadLetterStore>(DEAD_LETTERS).list({ status: 'parked' })).length;
    return {
      kind: 'seeded',
      report: {
        applications: plan.applications.length,
        applicationIds: plan.applications.map((a) => a.applicationId),
        outcomes: countOutcomes(readModels, ids),
        eventsWritten: await countEventsAfter(app.get<EventStore>(EVENT_STORE), headBefore),
        workingDays: plan.workingDays.length,
        simulation,
        parked,
        elapsedMs: Date.now() - started,
      },
    };
  } finally {
    await app.close();
  }
}

async function storeHead(runtime: RuntimeConfig): Promise<Position | null> {
  const store = openEventStore(runtime);
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

/**
 * Where the first event lies that the service's start did not record (the published quota orders,
 * which the seed sets to the same capacities anyway); null when there is none.
 */
async function firstEventBesidesQuotaOrders(runtime: RuntimeConfig): Promise<Position | null> {
  const store = openEventStore(runtime);
  try {
    for await (const event of store.readAll({ fromPosition: 'start' })) {
      const actor = event.metadata.actor.id;
      const recordedAtStart =
        (event.type === 'QuotaCapacitySet' && actor === QUOTA_ORDERS_ACTOR.id) || actor === LAW_BASELINE_ACTOR.id;
      if (!recordedAtStart) return event.position;
    }
    return null;
  } finally {
    await store.close();
  }
}

/**
 * The law the plan is made with, from the store: its initial amendments recorded first (as the
 * service records them at its start, KANDAS_LAW_BASELINE_AS_OF included), at the seed's first
 * instant, so the plan's working days are those the workflow then decides with.
 */
async function lawOfStore(runtime: RuntimeConfig, at: string) {
  const store = openEventStore(runtime);
  try {
    const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES);
    await recordLawBaseline(store, registry, { now: () => new Date(at) }, runtime.lawBaselineAsOf);
    const law = new RecordedLaw(store, registry);
    await law.refresh();
    return law.current();
  } finally {
    await store.close();
  }
}

/** Every IIN a stored submission names (applicant and family), so a forced seed invents new persons. */
async function iinsInStore(runtime: RuntimeConfig): Promise<Set<string>> {
  const store = openEventStore(runtime);
  const iins = new Set<string>();
  try {
    for await (const event of store.readAll({ filter: { eventTypes: ['ApplicationSubmitted'] } })) {
      const { submission } = event.data as ApplicationSubmitted['data'];
      for (const person of personsOf(submission)) iins.add(person.iin);
    }
    return iins;
  } finally {
    await store.close();
  }
}

async function countEventsAfter(store: EventStore, before: Position | null): Promise<number> {
  let count = 0;
  for await (const _ of readAllAfter(store, before)) count += 1;
  return count;
}

function describeStore(runtime: RuntimeConfig): string {
  return runtime.eventStore === 'memory' ? '(in memory)' : runtime.eventsFile;
}

export function printSummary(report: SeedReport, options: SeedOptions, print: Print): void {
  const o = report.outcomes.byOutcome;
  const row = (label: string, count: number, note = '') =>
    print(`  ${label.padEnd(26)}${String(count).padStart(6)}${note}`);
  print(
    `Seeded ${report.applications} applications (seed ${options.seed}, ${options.from} … ${options.to}, ${report.workingDays} working days):`,
  );
  row('included', o.included);
  row('refused, not eligible', o['refused-not-eligible']);
  row('refused, quota exhausted', o['refused-quota-exhausted']);
  row('withdrawn', o.withdrawn);
  row('open, on time', o['open-on-time']);
  row('open, at risk', o['open-at-risk']);
  row('open, breached', o['open-breached'], `  (${report.outcomes.escalated} escalated in all)`);
  row('decided late', report.outcomes.late, '  (included or refused after the due date)');
  const c = report.simulation.complaints;
  row(
    'complaints filed',
    c.filed,
    `  (${c.satisfied} satisfied, ${c.rejected} rejected; ${c.authorityDecisions} decided by the authority)`,
  );
  row('families arrived', report.simulation.arrivals, '  (their supports opened: orders issued on their due days)');
  const p = report.simulation.payments;
  row('payments made', p.paid, `  (the bank's answers imported; ${p.returned} returned, ${p.reissued} paid again)`);
  const rejected = Object.entries(report.simulation.rejected);
  if (rejected.length > 0)
    print(`  steps the workflow refused: ${rejected.map(([code, n]) => `${code} ×${n}`).join(', ')}`);
  if (report.parked > 0) print(`  saga steps parked: ${report.parked} (npm run cli -- dead-letters list)`);
  print(
    `Events written: ${report.eventsWritten} · commands sent: ${report.simulation.commands} · deadlines fired: ${report.simulation.deadlinesFired} · elapsed ${(report.elapsedMs / 1000).toFixed(1)} s`,
  );
}
