import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/roles';
import { EventStoreIndicator } from './event-store.indicator';
import { HEALTH_RESPONSES } from './health-responses';
import { ReadModelsIndicator } from './read-models.indicator';
import { SubscriptionsIndicator } from './subscriptions.indicator';
import { NoticeDeliveryIndicator } from './notice-delivery.indicator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreIndicator,
    private readonly readModels: ReadModelsIndicator,
    private readonly subscriptions: SubscriptionsIndicator,
    private readonly notices: NoticeDeliveryIndicator,
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ description: 'The process answers', schema: HEALTH_RESPONSES.live })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get(['', 'ready'])
  @Public()
  @ApiOkResponse({ description: 'Ready: every indicator up', schema: HEALTH_RESPONSES.ready })
  @ApiServiceUnavailableResponse({
    description:
      'Not ready (or shutting down): Terminus’s result as is, not a problem document, with the indicators down under `error`',
    schema: HEALTH_RESPONSES.notReady,
  })
  // Terminus's own documentation is generic (a database and a redis as examples): ours names our indicators.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary:
      'Readiness: the event store and the read models can take writes (not locked, not corrupt, disk not full) and no subscription has stopped on a failure (503 otherwise, the fault named); `notices` reports a degraded delivery to the portal without failing',
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.eventStore.check(),
        () => this.readModels.check(),
        () => this.subscriptions.check(),
        () => this.notices.check(),
      ]);
    } catch (error) {
      // Terminus answers "not ready" with its result inside a 503 exception, which the problem filter
      // would turn into a problem document: the probe's caller reads Terminus's shape, so it is sent as is.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
