import { Inject, Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { CLOCK, type Clock } from '@libs/event-sourcing';
import { NoticeDeliveriesProjection } from '@infra/read-models/notice-deliveries.projection';

/** Notices to the applicant by delivery state, from the delivery read model at scrape time (ADR 28). */
@Injectable()
export class NoticeGauges {
  constructor(
    private readonly deliveries: NoticeDeliveriesProjection,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  register(registers: Registry[]): void {
    const deliveries = this.deliveries;
    const clock = this.clock;
    for (const [name, key, help] of [
      ['kandas_notices_issued', 'issued', 'Notices issued to applicants (all of them, whatever their delivery)'],
      ['kandas_notices_queued', 'pending', 'Notices waiting for delivery to the personal cabinet'],
      ['kandas_notices_delivered', 'delivered', 'Notices the portal acknowledged'],
      ['kandas_notice_delivery_failures', 'failedAttempts', 'Failed delivery attempts (each retried or parked)'],
      ['kandas_notices_parked', 'parked', 'Notices parked after the allowed attempts: incidents for operators'],
    ] as const)
      new Gauge({
        name,
        help,
        registers,
        collect(this: Gauge) {
          this.set(deliveries.stats()[key]);
        },
      });
    new Gauge({
      name: 'kandas_notice_oldest_undelivered_age_seconds',
      help: 'How long the oldest notice still waiting for delivery has waited since it was issued (0 when none waits)',
      registers,
      collect(this: Gauge) {
        const oldest = deliveries.stats().oldestPendingIssuedAtMs;
        this.set(oldest === null ? 0 : Math.max(0, (clock.now().getTime() - oldest) / 1000));
      },
    });
  }
}
