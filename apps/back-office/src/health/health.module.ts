import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreIndicator } from './event-store.indicator';
import { HealthController } from './health.controller';
import { ReadModelsIndicator } from './read-models.indicator';
import { SubscriptionsIndicator } from './subscriptions.indicator';
import { NoticeDeliveryIndicator } from './notice-delivery.indicator';

/** Liveness and readiness through @nestjs/terminus; the stores and subscriptions come from the global workflow module. */
@Module({
  imports: [TerminusModule.forRoot()],
  controllers: [HealthController],
  providers: [EventStoreIndicator, ReadModelsIndicator, SubscriptionsIndicator, NoticeDeliveryIndicator],
})
export class HealthModule {}
