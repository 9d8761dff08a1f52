import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';

@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Liveness: the process answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the event store answers a read; a locked, full or closed store makes this 503. */
  @Get(['', 'ready'])
  @HttpCode(200)
  async ready(): Promise<{ status: 'ok'; eventStore: { head: string | null } }> {
    try {
      const head = await this.store.headPosition();
      return { status: 'ok', eventStore: { head: head === null ? null : head.toString() } };
    } catch (error) {
      throw new ServiceUnavailableException({ status: 'unavailable', reason: (error as Error).message });
    }
  }
}
