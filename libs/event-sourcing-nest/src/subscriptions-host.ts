import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CheckpointedSubscriptionRunner } from '@libs/event-sourcing';

/** Starts the application's subscription runners once Nest is up, and stops them before it goes down. */
export class SubscriptionsHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Subscriptions');

  constructor(readonly runners: readonly CheckpointedSubscriptionRunner[]) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.runners) {
      await runner.start();
      this.logger.log(`${runner.name} resumed after position ${runner.checkpoint ?? 'start'}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}
