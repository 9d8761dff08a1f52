import { DynamicModule, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  CheckpointedSubscriptionRunner,
  CLOCK,
  DEFAULT_RETRY_POLICY,
  EventTypeRegistry,
  realWait,
  SystemClock,
} from '@libs/event-sourcing';
import type {
  CheckpointStore,
  Clock,
  DeadLetterStore,
  EventStore,
  Projection,
  RetryPolicy,
  Wait,
} from '@libs/event-sourcing';
import {
  CHECKPOINT_STORE,
  DurableSagaRunner,
  EVENT_STORE,
  EVENT_TYPE_REGISTRY,
  SubscriptionsHost,
} from '@libs/event-sourcing-nest';
import { RuntimeConfig } from '@infra/config/runtime-config';
import { openEventStore } from '@infra/event-store/open-event-store';
import {
  ApplicationsProjection,
  ApplicationsQuery,
  HearingsQuery,
  PendingDeadlinesProjection,
  PendingReviewsQuery,
  DecidedApplicationsQuery,
  QuotaUsageProjection,
  PaymentRegisterProjection,
  PaymentRegisterQuery,
  QuotaUsageQuery,
  SlaDashboardQuery,
  SubsidyTotalsProjection,
  SubsidyTotalsQuery,
} from '@infra/read-models';
import { NoticeDeliveriesProjection } from '@infra/read-models/notice-deliveries.projection';
import { SqliteCheckpointStore } from '@infra/read-models/sqlite-checkpoint-store';
import { SqliteDeadLetterStore } from '@infra/read-models/sqlite-dead-letter-store';
import { openSqlite } from '@infra/sqlite/connection';
import { type ServiceSigningKey, serviceSigningKeyFrom } from '@libs/auth';
import { openCheckpointLog } from '@infra/audit/checkpoints/open-checkpoint-log';
import { DigestChainHead } from '@infra/audit/tamper-evidence/event-digest-chain';
import { SqliteChainHead } from '@infra/audit/tamper-evidence/sqlite-chain-head';
import { SqliteEventStore } from '@infra/event-store/sqlite/sqlite-event-store';
import {
  ApplicationCommandHandler,
  ApplicationStory,
  DecisionDocuments,
  PortalApplications,
  AuditExports,
  AuditTrail,
  CHAIN_HEAD_SOURCE,
  CHECKPOINT_LOG,
  CheckpointSigner,
  type ChainHeadSource,
  type CheckpointLog,
  SERVICE_SIGNING_KEY,
  PERSON_CLAIM_POLICY,
  PersonsCommandHandler,
  DEADLINE_QUEUE,
  DEAD_LETTERS,
  DISCLOSURE_EVENT_TYPES,
  DISCLOSURE_GRANT_EVENT_TYPES,
  AUDIT_ACCESS_EVENT_TYPES,
  DeadLetterOperations,
  DeadlineScheduler,
  PublishedQuotaOrders,
  QuotaCommandHandler,
  SupportCommandHandler,
  READ_MODELS_DB,
  READ_MODEL_PROJECTIONS,
  REVIEW_SAGA_RUNNER,
  RUNTIME_CONFIG,
  ReviewSaga,
  LAW_IN_FORCE,
  fixedLaw,
  type LawInForce,
  LawCommandHandler,
  RecordedLaw,
  recordLawBaseline,
  WORKFLOW_EVENT_TYPES,
  LAW_FOLLOWER_RUNNER,
  LawFollowerSaga,
  PENDING_REVIEWS,
  type PendingReviews,
  ResumeWaitingSteps,
  WorkflowConfig,
  NoticeOperations,
} from '@libs/workflow';
import { noticeProviders, NOTICE_DELIVERY, NOTICE_RUNNER, type NoticeDelivery } from './notices.providers';
import { Logger } from '@nestjs/common';

export interface WorkflowModuleOptions {
  readonly runtime: RuntimeConfig;
  readonly clock?: Clock;
  /** Pins the law (tests): then no amendment is read or recorded, and this configuration decides. */
  readonly workflow?: WorkflowConfig;
  /** False: the initial amendments of the law are not recorded at start (a store given its law by hand). */
  readonly recordLawBaseline?: boolean;
  /** The law in force; by default the workflow configuration, fixed. */
  readonly law?: LawInForce;
  readonly retry?: RetryPolicy;
  readonly wait?: Wait;
  /** How often the deadline scheduler ticks on a real timer; null: never (tests fire it by hand). */
  readonly schedulerIntervalMs?: number | null;
  /** How often subscriptions stopped by a failure are started again (default 5 s); null in tests. */
  readonly restartFailedSubscriptionsMs?: number | null;
  /** False for tools (the CLI): they act on the store but leave the subscriptions to the service. */
  readonly runSubscriptions?: boolean;
  /** The environment the service's signing key is read from (KANDAS_SIGNING_KEY_FILE); process.env by default. */
  readonly env?: NodeJS.ProcessEnv;
  /** How often the notice delivery worker runs a round (default 2 s); null: never (tests run rounds by hand). */
  readonly noticeDeliveryIntervalMs?: number | null;
  /** The jitter of the notice delivery backoff (tests pass a seeded one). */
  readonly random?: () => number;
}

/** Starts the scheduler's timer after the runners are up; closes the stores last. */
class WorkflowLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly intervalMs: number | null,
    private readonly scheduler: DeadlineScheduler,
    private readonly checkpoints: CheckpointSigner,
    private readonly delivery: { readonly intervalMs: number | null; readonly worker: NoticeDelivery },
    private readonly law: RecordedLaw,
    private readonly store: EventStore,
    private readonly readModels: Database.Database,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs !== null) {
      this.scheduler.start(this.intervalMs);
      this.checkpoints.start();
    }
    if (this.delivery.intervalMs !== null) this.delivery.worker?.start(this.delivery.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.scheduler.stop();
    this.delivery.worker?.stop();
    await this.checkpoints.stop();
    await this.law.close();
    await this.store.close();
    if (this.readModels.open) this.readModels.close();
  }
}

/**
 * The workflow as one Nest module: event store, read-model database, command handlers, the durable
 * review saga, the pending-deadlines projection and its scheduler. The sagas are handed to the
 * DurableSagaRunner inside an array, so Nest's own (in-memory, fire-and-forget) saga runner never
 * finds them and they run exactly once, from the store.
 */
@Module({})
export class WorkflowModule {
  static forRoot(options: WorkflowModuleOptions): DynamicModule {
    const { runtime } = options;
    return {
      module: WorkflowModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: CLOCK, useValue: options.clock ?? new SystemClock() },
        { provide: RUNTIME_CONFIG, useValue: runtime },
        { provide: EVENT_STORE, useFactory: () => openEventStore(runtime) },
        {
          provide: RecordedLaw,
          inject: [EVENT_STORE, EVENT_TYPE_REGISTRY, CLOCK],
          useFactory: (store: EventStore, registry: EventTypeRegistry, clock: Clock) =>
            recordedLaw(options, store, registry, clock),
        },
        {
          provide: LAW_IN_FORCE,
          inject: [RecordedLaw],
          useFactory: (law: RecordedLaw): LawInForce =>
            options.law ?? (options.workflow ? fixedLaw(options.workflow) : law),
        },
        {
          provide: EVENT_TYPE_REGISTRY,
          useFactory: () =>
            new EventTypeRegistry()
              .registerAll(WORKFLOW_EVENT_TYPES)
              .registerAll(DISCLOSURE_EVENT_TYPES)
              .registerAll(DISCLOSURE_GRANT_EVENT_TYPES)
              .registerAll(AUDIT_ACCESS_EVENT_TYPES),
        },
        {
          provide: READ_MODELS_DB,
          useFactory: () =>
            openSqlite({
              filename: runtime.readModelsFile,
              synchronous: runtime.sqliteSynchronous,
              busyTimeoutMs: runtime.sqliteBusyTimeoutMs,
            }),
        },
        {
          provide: CHECKPOINT_STORE,
          inject: [READ_MODELS_DB],
          useFactory: (db: Database.Database) => new SqliteCheckpointStore(db),
        },
        {
          provide: DEAD_LETTERS,
          inject: [READ_MODELS_DB],
          useFactory: (db: Database.Database) => new SqliteDeadLetterStore(db),
        },
        {
          provide: PendingDeadlinesProjection,
          inject: [READ_MODELS_DB, EVENT_TYPE_REGISTRY],
          useFactory: (db: Database.Database, registry: EventTypeRegistry) =>
            new PendingDeadlinesProjection(db, registry),
        },
        { provide: DEADLINE_QUEUE, useExisting: PendingDeadlinesProjection },
        {
          provide: READ_MODEL_PROJECTIONS,
          inject: [READ_MODELS_DB, EVENT_TYPE_REGISTRY],
          useFactory: (db: Database.Database, registry: EventTypeRegistry): Projection[] => [
            new ApplicationsProjection(db, registry),
            new QuotaUsageProjection(db, registry),
            new SubsidyTotalsProjection(db, registry),
            new PaymentRegisterProjection(db, registry),
          ],
        },
        ...[
          ApplicationsQuery,
          HearingsQuery,
          SlaDashboardQuery,
          QuotaUsageQuery,
          SubsidyTotalsQuery,
          PaymentRegisterQuery,
          DecidedApplicationsQuery,
        ].map((query) => ({
          provide: query,
          inject: [READ_MODELS_DB],
          useFactory: (db: Database.Database) => new query(db),
        })),
        {
          provide: PENDING_REVIEWS,
          inject: [READ_MODELS_DB],
          useFactory: (db: Database.Database): PendingReviews => new PendingReviewsQuery(db),
        },
        { provide: PERSON_CLAIM_POLICY, useValue: { abandonAfterMs: runtime.personClaimGraceMs } },
        ...noticeProviders(options),
        ApplicationCommandHandler,
        QuotaCommandHandler,
        SupportCommandHandler,
        PersonsCommandHandler,
        LawCommandHandler,
        {
          provide: DurableSagaRunner,
          inject: [LAW_IN_FORCE, EVENT_TYPE_REGISTRY, CommandBus, DEAD_LETTERS, CLOCK],
          useFactory: (
            law: LawInForce,
            registry: EventTypeRegistry,
            commandBus: CommandBus,
            deadLetters: DeadLetterStore,
            clock: Clock,
          ) =>
            new DurableSagaRunner({
              name: REVIEW_SAGA_RUNNER,
              saga: new ReviewSaga(law, registry),
              commandBus,
              deadLetters,
              clock,
              retry: options.retry ?? DEFAULT_RETRY_POLICY,
              wait: options.wait ?? realWait,
              maxInFlight: runtime.sagaStepsInFlight,
            }),
        },
        {
          // Applications in flight follow the law (ADR 23): a runner of its own, with its checkpoint.
          provide: LawFollowerSaga,
          inject: [LAW_IN_FORCE, PENDING_REVIEWS, EVENT_TYPE_REGISTRY, CommandBus, DEAD_LETTERS, CLOCK],
          useFactory: (
            law: LawInForce,
            pending: PendingReviews,
            registry: EventTypeRegistry,
            commandBus: CommandBus,
            deadLetters: DeadLetterStore,
            clock: Clock,
          ) =>
            new DurableSagaRunner({
              name: LAW_FOLLOWER_RUNNER,
              saga: new LawFollowerSaga(law, pending, registry),
              commandBus,
              deadLetters,
              clock,
              retry: options.retry ?? DEFAULT_RETRY_POLICY,
              wait: options.wait ?? realWait,
            }),
        },
        {
          provide: ResumeWaitingSteps,
          inject: [EVENT_STORE, DurableSagaRunner],
          useFactory: (store: EventStore, saga: DurableSagaRunner) => new ResumeWaitingSteps(store, saga),
        },
        {
          provide: DeadlineScheduler,
          inject: [PendingDeadlinesProjection, CommandBus, CLOCK, LAW_IN_FORCE],
          useFactory: (queue: PendingDeadlinesProjection, commandBus: CommandBus, clock: Clock, law: LawInForce) =>
            new DeadlineScheduler(queue, commandBus, clock, law),
        },
        {
          provide: SubscriptionsHost,
          inject: [
            EVENT_STORE,
            CHECKPOINT_STORE,
            PendingDeadlinesProjection,
            READ_MODEL_PROJECTIONS,
            DurableSagaRunner,
            LawFollowerSaga,
            ResumeWaitingSteps,
            NoticeDeliveriesProjection,
            NOTICE_RUNNER,
          ],
          useFactory: (
            store: EventStore,
            checkpoints: CheckpointStore,
            deadlines: PendingDeadlinesProjection,
            readModels: Projection[],
            saga: DurableSagaRunner,
            lawFollower: DurableSagaRunner,
            resumeWaiting: ResumeWaitingSteps,
            noticeDeliveries: NoticeDeliveriesProjection,
            noticeProcess: DurableSagaRunner,
          ) =>
            new SubscriptionsHost(
              options.runSubscriptions === false
                ? []
                : [
                    new CheckpointedSubscriptionRunner(store, checkpoints, deadlines),
                    ...readModels.map(
                      (projection) => new CheckpointedSubscriptionRunner(store, checkpoints, projection),
                    ),
                    new CheckpointedSubscriptionRunner(store, checkpoints, saga),
                    new CheckpointedSubscriptionRunner(store, checkpoints, lawFollower),
                    new CheckpointedSubscriptionRunner(store, checkpoints, resumeWaiting),
                    new CheckpointedSubscriptionRunner(store, checkpoints, noticeProcess),
                    new CheckpointedSubscriptionRunner(store, checkpoints, noticeDeliveries),
                  ],
              options.restartFailedSubscriptionsMs === undefined ? 5_000 : options.restartFailedSubscriptionsMs,
            ),
        },
        {
          provide: DeadLetterOperations,
          inject: [EVENT_STORE, DEAD_LETTERS, DurableSagaRunner],
          useFactory: (store: EventStore, deadLetters: DeadLetterStore, saga: DurableSagaRunner) =>
            new DeadLetterOperations(store, deadLetters, saga),
        },
        {
          provide: PublishedQuotaOrders,
          inject: [CommandBus, CLOCK],
          useFactory: (commandBus: CommandBus, clock: Clock) => new PublishedQuotaOrders(commandBus, clock),
        },
        {
          provide: AuditTrail,
          inject: [EVENT_STORE, EVENT_TYPE_REGISTRY],
          useFactory: (store: EventStore, registry: EventTypeRegistry) => new AuditTrail(store, registry),
        },
        ...anchoredHeadProviders(runtime),
        {
          provide: AuditExports,
          // The checkpoint log is optional: without one, export manifests say `checkpoint: null`.
          inject: [EVENT_STORE, EVENT_TYPE_REGISTRY, SERVICE_SIGNING_KEY, { token: CHECKPOINT_LOG, optional: true }],
          useFactory: (
            store: EventStore,
            registry: EventTypeRegistry,
            key: ServiceSigningKey,
            checkpoints: CheckpointLog | undefined,
          ) => new AuditExports(store, registry, key, checkpoints),
        },
        {
          provide: ApplicationStory,
          inject: [AuditTrail, RecordedLaw],
          useFactory: (audit: AuditTrail, law: RecordedLaw) => new ApplicationStory(audit, law),
        },
        {
          provide: DecisionDocuments,
          inject: [AuditTrail, RecordedLaw, SERVICE_SIGNING_KEY],
          useFactory: (audit: AuditTrail, law: RecordedLaw, key: ServiceSigningKey) =>
            new DecisionDocuments(audit, law, key),
        },
        {
          provide: PortalApplications,
          inject: [AuditTrail, RecordedLaw],
          useFactory: (audit: AuditTrail, law: RecordedLaw) => new PortalApplications(audit, law),
        },
        {
          provide: WorkflowLifecycle,
          inject: [DeadlineScheduler, CheckpointSigner, NOTICE_DELIVERY, RecordedLaw, EVENT_STORE, READ_MODELS_DB],
          useFactory: (
            scheduler: DeadlineScheduler,
            checkpoints: CheckpointSigner,
            worker: NoticeDelivery,
            law: RecordedLaw,
            store: EventStore,
            db: Database.Database,
          ) =>
            new WorkflowLifecycle(
              options.schedulerIntervalMs === undefined ? 30_000 : options.schedulerIntervalMs,
              scheduler,
              checkpoints,
              {
                intervalMs: options.runSubscriptions === false ? null : (options.noticeDeliveryIntervalMs ?? 2_000),
                worker,
              },
              law,
              store,
              db,
            ),
        },
      ],
      exports: [
        RUNTIME_CONFIG,
        CLOCK,
        LAW_IN_FORCE,
        RecordedLaw,
        EVENT_STORE,
        EVENT_TYPE_REGISTRY,
        READ_MODELS_DB,
        CHECKPOINT_STORE,
        DEAD_LETTERS,
        DurableSagaRunner,
        DeadlineScheduler,
        LawFollowerSaga,
        PENDING_REVIEWS,
        SubscriptionsHost,
        PendingDeadlinesProjection,
        DeadLetterOperations,
        PublishedQuotaOrders,
        READ_MODEL_PROJECTIONS,
        ApplicationsQuery,
        HearingsQuery,
        SlaDashboardQuery,
        QuotaUsageQuery,
        SubsidyTotalsQuery,
        PaymentRegisterQuery,
        DecidedApplicationsQuery,
        AuditTrail,
        SERVICE_SIGNING_KEY,
        AuditExports,
        ApplicationStory,
        CHECKPOINT_LOG,
        CHAIN_HEAD_SOURCE,
        CheckpointSigner,
        DecisionDocuments,
        PortalApplications,
        NoticeDeliveriesProjection,
        NOTICE_DELIVERY,
        NOTICE_RUNNER,
        NoticeOperations,
      ],
    };
  }
}

/**
 * Anchored chain heads (ADR 24): the service's signing key, the checkpoint log outside the store (and
 * its copies), the store's chain head — its own hashes on SQLite, the digest chain over `$all`
 * elsewhere — and the signer. The in-memory store signs on demand only: its head does not survive a
 * restart, so timed checkpoints of it would only contradict the next run.
 */
function anchoredHeadProviders(runtime: RuntimeConfig) {
  return [
    {
      provide: SERVICE_SIGNING_KEY,
      useFactory: () =>
        serviceSigningKeyFrom(
          { KANDAS_SIGNING_KEY_FILE: runtime.signingKeyFile, NODE_ENV: process.env.NODE_ENV },
          runtime.localSecretsDir,
        ),
    },
    { provide: CHECKPOINT_LOG, useFactory: () => openCheckpointLog(runtime.checkpoints) },
    {
      provide: CHAIN_HEAD_SOURCE,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore): ChainHeadSource =>
        store instanceof SqliteEventStore
          ? new SqliteChainHead(store.db)
          : new DigestChainHead(store, runtime.eventStore),
    },
    {
      provide: CheckpointSigner,
      inject: [CHAIN_HEAD_SOURCE, SERVICE_SIGNING_KEY, CHECKPOINT_LOG, CLOCK],
      useFactory: (source: ChainHeadSource, key: ServiceSigningKey, log: CheckpointLog, clock: Clock) =>
        new CheckpointSigner(
          source,
          key,
          log,
          clock,
          runtime.eventStore === 'memory' ? 0 : runtime.checkpoints.intervalSeconds * 1000,
        ),
    },
  ];
}

/**
 * The law in force from its streams: the initial amendments recorded first (on a store that lacks
 * them; KANDAS_LAW_BASELINE_AS_OF keeps the later acts out), then every law event read, then
 * followed — before any subscription runs, so the first decision already has the law. Tests that
 * pin the law (`workflow`) record nothing; the reference queries then show what the store holds.
 */
async function recordedLaw(
  options: WorkflowModuleOptions,
  store: EventStore,
  registry: EventTypeRegistry,
  clock: Clock,
): Promise<RecordedLaw> {
  const law = new RecordedLaw(store, registry);
  if (!options.workflow && options.recordLawBaseline !== false) {
    const outcome = await recordLawBaseline(store, registry, clock, options.runtime.lawBaselineAsOf);
    if (outcome.recorded > 0 || outcome.leftAsAmended.length > 0 || outcome.afterAsOf > 0)
      new Logger('LawBaseline').log(
        `Initial amendments of the law: ${outcome.recorded} recorded now, ${outcome.alreadyRecorded} already recorded` +
          (outcome.afterAsOf > 0
            ? `, ${outcome.afterAsOf} dated after ${options.runtime.lawBaselineAsOf} left out`
            : '') +
          (outcome.leftAsAmended.length > 0 ? `, left as amended since: ${outcome.leftAsAmended.join(', ')}` : ''),
      );
  }
  await law.refresh();
  if (options.runSubscriptions !== false) law.follow();
  return law;
}
