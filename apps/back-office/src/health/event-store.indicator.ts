import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';

/**
 * Up with the head position when the event store can take an append now (its own `checkHealth`:
 * not locked, not corrupt, disk not full, cluster reachable); down naming the `fault` otherwise.
 */
@Injectable()
export class EventStoreIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult<'eventStore'>> {
    const indicator = this.indicators.check('eventStore');
    const health = await this.store.checkHealth();
    if (!health.ok) return indicator.down({ fault: health.fault, error: health.detail });
    return this.store.headPosition().then(
      (head) => indicator.up({ head: head === null ? null : head.toString() }),
      (error: Error) => indicator.down({ fault: 'unreachable', error: error.message }),
    );
  }
}
