import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { CLOCK, type Clock } from '@libs/event-sourcing';
import { RUNTIME_CONFIG } from '@libs/workflow';
import type { RuntimeConfig } from '@infra/config/runtime-config';
import { NoticeDeliveriesProjection } from '@infra/read-models/notice-deliveries.projection';

/** A notice waiting longer than this, or any parked one, makes the delivery `degraded`. */
export const NOTICE_DELIVERY_DEGRADED_AFTER_MS = 15 * 60_000;

/**
 * How the delivery of notices to the personal cabinet fares (ADR 28). Always up: a portal that does
 * not answer must not take the back office out of its load balancer — the notices wait in their
 * streams and go when it is back. `delivery` says `degraded` (with the figures) for operators and
 * alerting: a notice parked, or one waiting more than 15 minutes.
 */
@Injectable()
export class NoticeDeliveryIndicator {
  constructor(
    private readonly deliveries: NoticeDeliveriesProjection,
    private readonly indicators: HealthIndicatorService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME_CONFIG) private readonly runtime: RuntimeConfig,
  ) {}

  check(): HealthIndicatorResult<'notices'> {
    const stats = this.deliveries.stats();
    const waitedMs =
      stats.oldestPendingIssuedAtMs === null ? 0 : this.clock.now().getTime() - stats.oldestPendingIssuedAtMs;
    const endpoint = this.runtime.portalNotices !== undefined;
    const degraded = endpoint && (stats.parked > 0 || waitedMs > NOTICE_DELIVERY_DEGRADED_AFTER_MS);
    return this.indicators.check('notices').up({
      mode: endpoint ? 'portal' : 'kept-for-the-api',
      delivery: endpoint ? (degraded ? 'degraded' : 'ok') : 'not-configured',
      queued: stats.pending,
      parked: stats.parked,
      oldestUndeliveredSeconds: Math.max(0, Math.round(waitedMs / 1000)),
    });
  }
}
