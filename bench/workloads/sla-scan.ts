/**
 * SLA scan (issue 9, point 4): the deadline scheduler's query for due deadlines — `due(now,
 * DEADLINE_BATCH_SIZE)` on the pending-deadlines read model, as `DeadlineScheduler.fireDue` calls it
 * every tick — among 100,000 open applications.
 *
 * The read model is filled through the projection's own `apply`, from ReviewDeadlineScheduled events
 * of applications signed over the last 14 working days (deadlines from the real calendar and SLA
 * policy), then the deadlines already past are fired as the scheduler would have (ReviewSlaAtRisk
 * removes the at-risk row). Three moments are timed:
 *   - some hundreds due: the tick after the day's at-risk instant, the scheduler having already
 *     worked through all but DUE_NOW of that instant's deadlines (the target: < 50 ms);
 *   - the deadline instant itself: every at-risk deadline of the day due at once, one batch taken;
 *   - between deadlines: nothing due (most ticks).
 */
import { join } from 'node:path';
import { EventTypeRegistry, KANDAS_NAMESPACE, RecordedEvent, uuidV5 } from '@libs/event-sourcing';
import {
  DEADLINE_BATCH_SIZE,
  defaultWorkflowConfig,
  DISCLOSURE_EVENT_TYPES,
  scheduledDeadlineOf,
  WORKFLOW_EVENT_TYPES,
} from '@libs/workflow';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { PendingDeadlinesProjection, SELECT_DUE_DEADLINES_SQL } from '@infra/read-models';
import { openSqlite } from '@infra/sqlite/connection';
import { SeededRandom } from '@libs/seeded-random';
import type { IsoDate } from '@domain/calendar';
import { peakRssMb } from '../support/memory';
import { emitReport, Measurement } from '../support/result';
import { isQuick, scratchDir } from '../support/scratch';
import { millisSince, now, percentile } from '../support/stats';

const quick = isQuick();
const SETUP = {
  openApplications: quick ? 5_000 : 100_000,
  /** Signed over this many working days up to today: all open, none past its due instant. */
  signingWorkingDays: 14,
  today: '2026-03-18',
  /** Deadlines still due at the measured tick (the rest of the day's instant already fired). */
  dueNow: quick ? 50 : 300,
  batchSize: DEADLINE_BATCH_SIZE,
  warmupRuns: quick ? 20 : 200,
  runs: quick ? 200 : 2_000,
  seed: 4,
};

interface Open {
  readonly applicationId: string;
  readonly atRiskAt: string;
  readonly dueAt: string;
  readonly scheduledEventId: string;
}

async function main(): Promise<void> {
  const config = defaultWorkflowConfig();
  const registry = new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES).registerAll(DISCLOSURE_EVENT_TYPES);
  const random = new SeededRandom(SETUP.seed).next;
  const runtime = readRuntimeConfig({});
  const scratch = scratchDir('sla-scan');
  const db = openSqlite({ filename: join(scratch.dir, 'read-models.sqlite'), synchronous: runtime.sqliteSynchronous });
  try {
    const queue = new PendingDeadlinesProjection(db, registry);
    const { calendar } = config;
    if (!calendar.isWorkingDay(SETUP.today)) throw new Error(`${SETUP.today} is not a working day`);
    const days: IsoDate[] = Array.from({ length: SETUP.signingWorkingDays }, (_, k) =>
      k === 0 ? SETUP.today : calendar.subtractWorkingDays(SETUP.today, k),
    );

    let position = 0n;
    const envelope = (
      applicationId: string,
      revision: number,
      type: string,
      data: object,
      at: string,
      causationId: string,
    ): RecordedEvent => {
      position += 1n;
      const eventId = uuidV5(`bench-event:${applicationId}:${revision}`, KANDAS_NAMESPACE);
      const actor =
        type === 'ReviewDeadlineScheduled'
          ? { id: 'review-saga', role: 'system' }
          : { id: 'sla-scheduler', role: 'system' };
      return {
        eventId,
        streamId: `application-${applicationId}`,
        revision,
        position,
        type,
        schemaVersion: registry.currentVersion(type),
        data,
        recordedAt: at,
        metadata: {
          correlationId: uuidV5(`bench-correlation:${applicationId}`, KANDAS_NAMESPACE),
          causationId,
          commandId: uuidV5(`bench-command:${eventId}`, KANDAS_NAMESPACE),
          actor,
          occurredAt: at,
        },
      };
    };

    // Fill: one ReviewDeadlineScheduled per open application, through the projection's own apply,
    // committed in batches as its runner would.
    const fillStarted = now();
    const open: Open[] = [];
    const deadlines = new Map<string, ReturnType<typeof scheduledDeadlineOf>>();
    const apply = db.transaction((events: RecordedEvent[]) => {
      for (const event of events) queue.apply(event);
    });
    let batch: RecordedEvent[] = [];
    for (let i = 0; i < SETUP.openApplications; i++) {
      const day = days[Math.floor(random() * days.length)]!;
      // Signed within working hours (09:00–18:00 in Almaty, UTC+5): accepted the same day.
      const signedAt = new Date(
        Date.parse(`${day}T04:00:00.000Z`) + Math.floor(random() * 9 * 60) * 60_000,
      ).toISOString();
      const applicationId = uuidV5(`bench-application:${i}`, KANDAS_NAMESPACE);
      // Within working hours the deadline depends on the day only: computed once per day.
      let deadline = deadlines.get(day);
      if (!deadline) deadlines.set(day, (deadline = scheduledDeadlineOf(signedAt, config)));
      const signedEventId = uuidV5(`bench-event:${applicationId}:1`, KANDAS_NAMESPACE);
      const event = envelope(
        applicationId,
        2,
        'ReviewDeadlineScheduled',
        { applicationId, ...deadline },
        signedAt,
        signedEventId,
      );
      open.push({ applicationId, atRiskAt: deadline.atRiskAt, dueAt: deadline.dueAt, scheduledEventId: event.eventId });
      batch.push(event);
      if (batch.length === 10_000) {
        apply(batch);
        batch = [];
      }
    }
    apply(batch);

    // The at-risk instants before today's have fired: the scheduler flagged them (ReviewSlaAtRisk
    // removes the at-risk row). Today's instant is the end of today's working hours.
    const todayInstant = Date.parse(scheduledAtRiskInstant(open, SETUP.today));
    const fire = (who: readonly Open[], at: number) =>
      apply(
        who.map((o) =>
          envelope(
            o.applicationId,
            3,
            'ReviewSlaAtRisk',
            {
              applicationId: o.applicationId,
              atRiskAt: o.atRiskAt,
              dueAt: o.dueAt,
              flaggedAt: new Date(at).toISOString(),
            },
            new Date(at).toISOString(),
            o.scheduledEventId,
          ),
        ),
      );
    fire(
      open.filter((o) => Date.parse(o.atRiskAt) < todayInstant),
      todayInstant - 86_400_000,
    );
    const fillMs = millisSince(fillStarted);
    db.pragma('wal_checkpoint(TRUNCATE)');

    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${SELECT_DUE_DEADLINES_SQL}`).all(todayInstant, SETUP.batchSize) as Array<{
        detail: string;
      }>
    ).map((row) => row.detail);
    process.stdout.write(`query plan: ${plan.join(' | ')}\n`);

    const time = (at: number) => {
      const instant = new Date(at);
      let rows = 0;
      for (let i = 0; i < SETUP.warmupRuns; i++) rows = queue.due(instant, SETUP.batchSize).length;
      const sample: number[] = [];
      for (let i = 0; i < SETUP.runs; i++) {
        const started = now();
        rows = queue.due(instant, SETUP.batchSize).length;
        sample.push(millisSince(started));
      }
      const dueRows = db
        .prepare('SELECT COUNT(*) FROM pending_deadlines WHERE fire_at_ms <= ?')
        .pluck()
        .get(at) as number;
      return {
        rows,
        dueRows,
        pending: queue.pendingCount(),
        p50: percentile(sample, 50),
        p99: percentile(sample, 99),
        mean: sample.reduce((a, b) => a + b, 0) / sample.length,
      };
    };

    const between = time(todayInstant - 3_600_000);
    const atInstant = time(todayInstant + 5_000);
    // The scheduler has fired all but `dueNow` of today's at-risk deadlines: the next tick, 30 s on.
    const todays = open.filter((o) => Date.parse(o.atRiskAt) === todayInstant);
    fire(todays.slice(SETUP.dueNow), todayInstant + 10_000);
    const hundreds = time(todayInstant + 35_000);
    if (hundreds.rows !== Math.min(SETUP.dueNow, todays.length))
      throw new Error(`expected ${SETUP.dueNow} due, the query returned ${hundreds.rows}`);

    for (const [label, r] of [
      ['some hundreds due', hundreds],
      ['deadline instant', atInstant],
      ['nothing due', between],
    ] as const) {
      process.stdout.write(
        `${label}: ${r.rows} returned of ${r.dueRows} due among ${r.pending.toLocaleString('en-US')} pending deadlines: p50 ${r.p50.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms\n`,
      );
    }
    const measurement = (label: string, r: typeof hundreds, target: boolean): Measurement[] => [
      {
        name: `sla scan · ${label} · p50`,
        subject: 'ours',
        value: r.p50,
        unit: 'ms',
        better: 'lower',
        ...(target ? { target: { value: 50, text: '< 50 ms' } } : {}),
        details: { returned: r.rows, due: r.dueRows, pendingDeadlines: r.pending, meanMs: r.mean, runs: SETUP.runs },
      },
      {
        name: `sla scan · ${label} · p99`,
        subject: 'ours',
        value: r.p99,
        unit: 'ms',
        better: 'lower',
        ...(target ? { target: { value: 50, text: '< 50 ms' } } : {}),
      },
    ];
    emitReport({
      workload: 'sla-scan',
      setup: {
        ...SETUP,
        todaysAtRiskInstant: new Date(todayInstant).toISOString(),
        applicationsAtRiskToday: todays.length,
        pendingDeadlines: between.pending,
        fillMs: Math.round(fillMs),
        queryPlan: plan,
        query: SELECT_DUE_DEADLINES_SQL.replace(/\s+/g, ' '),
        readModelsSynchronous: runtime.sqliteSynchronous,
        peakRssMb: Math.round(peakRssMb()),
      },
      measurements: [
        ...measurement(
          `${SETUP.dueNow} due of 100k open`.replace('100k', quick ? `${SETUP.openApplications}` : '100k'),
          hundreds,
          true,
        ),
        ...measurement('deadline instant', atInstant, false),
        ...measurement('nothing due', between, false),
      ],
    });
  } finally {
    db.close();
    scratch.dispose();
  }
}

/** The at-risk instant of applications at risk on `day` (end of working hours), from one of them. */
function scheduledAtRiskInstant(open: readonly Open[], day: string): string {
  const one = open.find((o) => o.atRiskAt.startsWith(day));
  if (!one) throw new Error(`no application is at risk on ${day}: sign over more working days`);
  return one.atRiskAt;
}

main().catch((error: unknown) => {
  process.stderr.write(`sla-scan failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
