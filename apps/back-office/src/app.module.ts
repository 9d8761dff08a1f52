import { DynamicModule, Module } from '@nestjs/common';
import type { Clock } from '@libs/event-sourcing';
import { WorkflowModule } from '@libs/workflow';
import { RuntimeConfig } from '@infra/config/runtime-config';
import { HealthController } from './health/health.controller';

export interface AppOptions {
  readonly clock?: Clock;
  readonly schedulerIntervalMs?: number | null;
}

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [WorkflowModule.forRoot({ runtime: config, clock: options.clock, schedulerIntervalMs: options.schedulerIntervalMs })],
      controllers: [HealthController],
    };
  }
}
