import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE, positionsBehind, SubscriptionsHost } from '@libs/event-sourcing-nest';
import { Roles } from '../auth/roles';
import { ADMIN_RESPONSES } from './admin-responses';

/** No parameter: any is refused, like every query. */
export class SubscriptionsQueryDto {}

/**
 * The operators' view of the subscriptions (sagas, projections, reactors): each one's state and how
 * far it trails the store, the figures `/metrics` scrapes, as JSON for a screen. A handful of runners,
 * so one answer, not pages.
 */
@ApiTags('administration')
@ApiBearerAuth()
@Controller('admin/subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly host: SubscriptionsHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      "Every subscription of this instance: its state, its checkpoint and progress, how far it trails the store's head, and why it stopped if it failed",
  })
  @ApiOkResponse({ schema: ADMIN_RESPONSES.subscriptions })
  async list(@Query() _query: SubscriptionsQueryDto) {
    const head = await this.store.headPosition();
    return {
      storeHead: head === null ? null : head.toString(),
      items: this.host.runners.map((runner) => ({
        name: runner.name,
        state: runner.state,
        checkpoint: runner.checkpoint === null ? null : runner.checkpoint.toString(),
        progress: runner.progress === null ? null : runner.progress.toString(),
        positionsBehind: Number(positionsBehind(head, runner)),
        lastFailure: runner.state === 'failed' ? failureOf(runner.lastFailure) : null,
      })),
    };
  }
}

function failureOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
