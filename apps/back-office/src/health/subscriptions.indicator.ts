import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { SubscriptionsHost } from '@libs/event-sourcing-nest';

/** The state of every subscription by name; down when one has stopped on a failure (the host restarts it). */
@Injectable()
export class SubscriptionsIndicator {
  constructor(
    private readonly subscriptions: SubscriptionsHost,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check(): HealthIndicatorResult<'subscriptions'> {
    const indicator = this.indicators.check('subscriptions');
    const states: Record<string, string> = Object.fromEntries(
      this.subscriptions.runners.map((runner) => [runner.name, runner.state]),
    );
    return Object.values(states).includes('failed') ? indicator.down(states) : indicator.up(states);
  }
}
