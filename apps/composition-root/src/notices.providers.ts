import type { Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { CLOCK, DEFAULT_RETRY_POLICY, EventTypeRegistry, realWait } from '@libs/event-sourcing';
import type { Clock, DeadLetterStore, EventStore } from '@libs/event-sourcing';
import { DurableSagaRunner, EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import type { ServiceSigningKey } from '@libs/auth';
import { instanceIdOf } from '@infra/read-models/instance-identity';
import { NoticeDeliveriesProjection } from '@infra/read-models/notice-deliveries.projection';
import {
  CLAIM_MARGIN_MS,
  DEAD_LETTERS,
  DEFAULT_DELIVERY_BACKOFF,
  IssueNoticesHandler,
  NOTICE_PROCESS_RUNNER,
  NoticeDeliveryWorker,
  NoticeOperations,
  NoticeSaga,
  NoticeStreamCommandHandler,
  PortalClient,
  READ_MODELS_DB,
  SERVICE_SIGNING_KEY,
} from '@libs/workflow';
import type { WorkflowModuleOptions } from './workflow.module';

export const NOTICE_RUNNER = Symbol('NoticeProcessRunner');
export const NOTICE_DELIVERY = Symbol('NoticeDeliveryWorker');

/** The worker, or null when no portal endpoint is configured: notices are then kept for the API. */
export type NoticeDelivery = NoticeDeliveryWorker | null;

/**
 * The notices to the applicant (ADR 28): the notice process on the durable saga runner, its command
 * handlers, the delivery read model, the delivery worker (when `KANDAS_PORTAL_NOTICES_URL` is set)
 * and the operations on notices.
 */
export function noticeProviders(options: WorkflowModuleOptions): Provider[] {
  const portal = options.runtime.portalNotices;
  return [
    IssueNoticesHandler,
    NoticeStreamCommandHandler,
    {
      provide: NoticeDeliveriesProjection,
      inject: [READ_MODELS_DB, EVENT_TYPE_REGISTRY],
      useFactory: (db: Database.Database, registry: EventTypeRegistry) => new NoticeDeliveriesProjection(db, registry),
    },
    {
      provide: NOTICE_RUNNER,
      inject: [CommandBus, DEAD_LETTERS, CLOCK],
      useFactory: (commandBus: CommandBus, deadLetters: DeadLetterStore, clock: Clock) =>
        new DurableSagaRunner({
          name: NOTICE_PROCESS_RUNNER,
          saga: new NoticeSaga(),
          commandBus,
          deadLetters,
          clock,
          retry: options.retry ?? DEFAULT_RETRY_POLICY,
          wait: options.wait ?? realWait,
          maxInFlight: options.runtime.sagaStepsInFlight,
        }),
    },
    {
      provide: NOTICE_DELIVERY,
      inject: [
        EVENT_STORE,
        EVENT_TYPE_REGISTRY,
        CommandBus,
        NoticeDeliveriesProjection,
        SERVICE_SIGNING_KEY,
        CLOCK,
        READ_MODELS_DB,
      ],
      useFactory: (
        store: EventStore,
        registry: EventTypeRegistry,
        commandBus: CommandBus,
        queue: NoticeDeliveriesProjection,
        key: ServiceSigningKey,
        clock: Clock,
        db: Database.Database,
      ): NoticeDelivery =>
        portal
          ? new NoticeDeliveryWorker(
              store,
              registry,
              commandBus,
              queue,
              new PortalClient(new URL(portal.url), key, portal.timeoutMs),
              clock,
              {
                maxAttempts: portal.maxAttempts,
                backoff: DEFAULT_DELIVERY_BACKOFF,
                random: options.random ?? Math.random,
                applicationsPerRound: 100,
                instanceId: instanceIdOf(db),
                claimHoldMs: portal.timeoutMs + CLAIM_MARGIN_MS,
              },
            )
          : null,
    },
    {
      provide: NoticeOperations,
      inject: [EVENT_STORE, EVENT_TYPE_REGISTRY, CommandBus, NoticeDeliveriesProjection, CLOCK],
      useFactory: (
        store: EventStore,
        registry: EventTypeRegistry,
        commandBus: CommandBus,
        queue: NoticeDeliveriesProjection,
        clock: Clock,
      ) => new NoticeOperations(store, registry, commandBus, queue, clock),
    },
  ];
}
