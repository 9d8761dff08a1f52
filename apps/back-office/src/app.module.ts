import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule, EventBus } from '@nestjs/cqrs';
import { CheckpointedSubscriptionRunner, EventTypeRegistry } from '@libs/event-sourcing';
import type { CheckpointStore, EventStore } from '@libs/event-sourcing';
import { CHECKPOINT_STORE, EVENT_STORE, EVENT_TYPE_REGISTRY, EventBusBridge, SubscriptionsHost } from '@libs/event-sourcing-nest';
import { RuntimeConfig } from '@infra/config/runtime-config';
import { openEventStore } from '@infra/event-store/open-event-store';
import { openSqlite } from '@infra/sqlite/connection';
import { SqliteCheckpointStore } from '@infra/read-models/sqlite-checkpoint-store';
import { HealthController } from './health/health.controller';

class StoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [HealthController],
      providers: [
        { provide: EVENT_STORE, useFactory: () => openEventStore(config) },
        { provide: EVENT_TYPE_REGISTRY, useFactory: () => new EventTypeRegistry() },
        {
          provide: CHECKPOINT_STORE,
          useFactory: () => new SqliteCheckpointStore(openSqlite({ filename: config.readModelsFile, synchronous: config.sqliteSynchronous })),
        },
        {
          provide: SubscriptionsHost,
          inject: [EVENT_STORE, CHECKPOINT_STORE, EVENT_TYPE_REGISTRY, EventBus],
          useFactory: (store: EventStore, checkpoints: CheckpointStore, registry: EventTypeRegistry, eventBus: EventBus) =>
            new SubscriptionsHost([
              new CheckpointedSubscriptionRunner(store, checkpoints, new EventBusBridge(eventBus, registry)),
            ]),
        },
        StoreLifecycle,
      ],
    };
  }
}
