import Database from 'better-sqlite3';
import {
  CheckpointedSubscriptionRunner,
  EventTypeRegistry,
  matchesFilter,
  Projection,
  RecordedEvent,
} from '@libs/event-sourcing';
import { WORKFLOW_EVENT_TYPES } from '@libs/workflow';
import {
  ApplicationsProjection,
  ApplicationsQuery,
  QuotaUsageProjection,
  PaymentRegisterProjection,
  PaymentRegisterQuery,
  QuotaUsageQuery,
  READ_MODEL_TABLES,
  SlaDashboardQuery,
  SqliteCheckpointStore,
  SubsidyTotalsProjection,
  SubsidyTotalsQuery,
  tableDigest,
} from '@infra/read-models';
import type { SagaHarness } from '../../saga/support/saga-harness';
import type { WorkflowObserver } from './workflow-history';

export const registry = (): EventTypeRegistry => new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES);
const TYPES = registry();

/** The three back-office projections and their queries on one SQLite database (in memory by default). */
export class ReadModels {
  readonly projections: Projection[];
  readonly applications: ApplicationsQuery;
  readonly sla: SlaDashboardQuery;
  readonly quotas: QuotaUsageQuery;
  readonly subsidies: SubsidyTotalsQuery;
  readonly payments: PaymentRegisterQuery;

  constructor(readonly db: Database.Database = new Database(':memory:')) {
    const types = registry();
    this.projections = [
      new ApplicationsProjection(db, types),
      new QuotaUsageProjection(db, types),
      new SubsidyTotalsProjection(db, types),
      new PaymentRegisterProjection(db, types),
    ];
    this.payments = new PaymentRegisterQuery(db);
    this.applications = new ApplicationsQuery(db);
    this.sla = new SlaDashboardQuery(db);
    this.quotas = new QuotaUsageQuery(db);
    this.subsidies = new SubsidyTotalsQuery(db);
  }

  /** Applies each event to every projection whose filter takes it, one transaction per event, as the runner does. */
  feed(events: readonly RecordedEvent[]): this {
    for (const event of events) {
      for (const projection of this.projections) {
        if (matchesFilter(projection.filter, event.streamId, event.type))
          this.db.transaction(() => projection.apply(event))();
      }
    }
    return this;
  }

  /** The digest of every table the four projections own. */
  digests(): Record<string, string> {
    const tables = [
      ...READ_MODEL_TABLES.applications,
      ...READ_MODEL_TABLES['quota-usage'],
      ...READ_MODEL_TABLES['subsidy-totals'],
      ...READ_MODEL_TABLES['payment-register'],
    ];
    return Object.fromEntries(tables.map((table) => [table, tableDigest(this.db, table)]));
  }
}

let position = 0n;

/** A recorded event built by hand, for the cases the workflow does not produce on its own. */
export function envelope(
  streamId: string,
  revision: number,
  type: string,
  data: object,
  at = '2026-03-02T05:00:00.000Z',
  pos?: bigint,
): RecordedEvent {
  position += 1n;
  const eventId = `${streamId}@${revision}`;
  return {
    eventId,
    streamId,
    revision,
    position: pos ?? position,
    type,
    // Written today: the data is in the current schema of its type (an old version would be upcast).
    schemaVersion: TYPES.has(type) ? TYPES.currentVersion(type) : 1,
    data,
    recordedAt: at,
    metadata: {
      correlationId: eventId,
      causationId: eventId,
      commandId: eventId,
      actor: { id: 'test', role: 'system' },
      occurredAt: at,
    },
  };
}

/**
 * The read models kept live by checkpointed subscription runners on the workflow's store, as the
 * service runs them: each event applied in the transaction that moves the projection's checkpoint.
 */
export class LiveReadModels extends ReadModels implements WorkflowObserver {
  private runners: CheckpointedSubscriptionRunner[] = [];

  async start(h: SagaHarness): Promise<void> {
    const checkpoints = new SqliteCheckpointStore(this.db);
    this.runners = this.projections.map(
      (projection) => new CheckpointedSubscriptionRunner(h.store, checkpoints, projection),
    );
    for (const runner of this.runners) await runner.start();
  }

  /**
   * Waits until every runner has committed the last event its filter takes. Polls the checkpoints
   * rather than calling `runner.waitFor`, which can miss its wake-up: when the runner reaches the
   * position while `waitFor` awaits the store's head, the waiter is registered after the last wake,
   * and an idle filtered subscription reports no new checkpoint (seen here as a hang).
   */
  async step(h: SagaHarness): Promise<void> {
    const events = await h.allEvents();
    const targets = this.runners.map(
      (runner) =>
        events.filter((e) => matchesFilter(runner.consumer.filter, e.streamId, e.type)).at(-1)?.position ?? null,
    );
    const behind = () =>
      this.runners.some((runner, i) => targets[i] !== null && (runner.checkpoint ?? -1n) < targets[i]!);
    for (let tries = 0; behind(); tries++) {
      const failed = this.runners.find((runner) => runner.state === 'failed');
      if (failed) await failed.waitFor(events.at(-1)!.position); // rethrows the runner's failure
      if (tries > 2000) throw new Error('the live read models did not catch up');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  async stop(): Promise<void> {
    for (const runner of this.runners) await runner.stop();
  }
}
