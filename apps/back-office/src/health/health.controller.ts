import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type Database from 'better-sqlite3';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE, SubscriptionsHost } from '@libs/event-sourcing-nest';
import { READ_MODELS_DB } from '@libs/workflow';
import { Public } from '../auth/roles';

interface Readiness {
  status: 'ok' | 'unavailable';
  eventStore: { head: string | null } | { error: string };
  readModels: 'ok' | { error: string };
  subscriptions: Record<string, string>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS_DB) private readonly readModels: Database.Database,
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
  @ApiOperation({ summary: 'Readiness: the event store and the read models answer, and no subscription has stopped on a failure (503 otherwise)' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<Readiness> {
    const readiness: Readiness = {
      status: 'ok',
      eventStore: await this.store.headPosition().then(
        (head) => ({ head: head === null ? null : head.toString() }),
        (error: Error) => ({ error: error.message }),
      ),
      readModels: this.checkReadModels(),
      subscriptions: Object.fromEntries(this.subscriptions.runners.map((runner) => [runner.name, runner.state])),
    };
    const failed = 'error' in readiness.eventStore || readiness.readModels !== 'ok' || Object.values(readiness.subscriptions).includes('failed');
    if (!failed) return readiness;
    response.status(503);
    return { ...readiness, status: 'unavailable' };
  }

  private checkReadModels(): Readiness['readModels'] {
    try {
      this.readModels.prepare('SELECT 1').get();
      return 'ok';
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
}
