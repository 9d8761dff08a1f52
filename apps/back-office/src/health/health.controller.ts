import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type Database from 'better-sqlite3';
import type { EventStore, StoreHealth } from '@libs/event-sourcing';
import { EVENT_STORE, SubscriptionsHost } from '@libs/event-sourcing-nest';
import { READ_MODELS_DB, RUNTIME_CONFIG } from '@libs/workflow';
import type { RuntimeConfig } from '@infra/config/runtime-config';
import { checkSqliteHealth } from '@infra/sqlite/sqlite-health';
import { Public } from '../auth/roles';

type Check = 'ok' | { fault: string; error: string };

interface Readiness {
  status: 'ok' | 'unavailable';
  eventStore: { head: string | null } | { fault: string; error: string };
  readModels: Check;
  subscriptions: Record<string, string>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS_DB) private readonly readModels: Database.Database,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly subscriptions: SubscriptionsHost,
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get(['', 'ready'])
  @Public()
  @ApiOperation({
    summary: 'Readiness: the event store and the read models can take writes (not locked, not corrupt, disk not full) and no subscription has stopped on a failure (503 otherwise)',
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<Readiness> {
    const readiness: Readiness = {
      status: 'ok',
      eventStore: await this.eventStore(),
      readModels: check(checkSqliteHealth(this.readModels, { minFreeBytes: this.config.minFreeDiskBytes })),
      subscriptions: Object.fromEntries(this.subscriptions.runners.map((runner) => [runner.name, runner.state])),
    };
    const failed = 'error' in readiness.eventStore || readiness.readModels !== 'ok' || Object.values(readiness.subscriptions).includes('failed');
    if (!failed) return readiness;
    response.status(503);
    return { ...readiness, status: 'unavailable' };
  }

  private async eventStore(): Promise<Readiness['eventStore']> {
    const health = await this.store.checkHealth();
    if (!health.ok) return { fault: health.fault, error: health.detail };
    return this.store.headPosition().then(
      (head) => ({ head: head === null ? null : head.toString() }),
      (error: Error) => ({ fault: 'unreachable', error: error.message }),
    );
  }
}

function check(health: StoreHealth): Check {
  return health.ok ? 'ok' : { fault: health.fault, error: health.detail };
}
