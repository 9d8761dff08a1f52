import { PaymentGauges } from './payment-gauges';
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Gauge } from 'prom-client';
import type { DeadLetterStore, EventStore } from '@libs/event-sourcing';
import { EVENT_STORE, positionsBehind, SubscriptionsHost } from '@libs/event-sourcing-nest';
import { CHECKPOINT_LOG, type CheckpointLog, DEAD_LETTERS } from '@libs/workflow';
import { PendingDeadlinesProjection } from '@infra/read-models';
import { Public } from '../auth/roles';
import { SlaGauges } from './sla-gauges';
import { CommandMetrics } from './command-metrics';
import { registerCheckpointMetrics } from './checkpoint-metrics';
import { NoticeGauges } from './notice-gauges';
import { HearingGauges } from './hearing-gauges';

/** Prometheus metrics: commands, events, subscription lag, parked events, steps waiting for data, SLA at risk and breached. */
@ApiTags('observability')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: CommandMetrics,
    subscriptions: SubscriptionsHost,
    deadlines: PendingDeadlinesProjection,
    sla: SlaGauges,
    notices: NoticeGauges,
    hearings: HearingGauges,
    payments: PaymentGauges,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(DEAD_LETTERS) deadLetters: DeadLetterStore,
    @Inject(CHECKPOINT_LOG) checkpoints: CheckpointLog,
  ) {
    const registers = [metrics.registry];
    new Gauge({
      name: 'kandas_subscription_lag_events',
      help: 'Global positions between the store head and each consumer’s checkpoint (saga lag, projection lag)',
      labelNames: ['consumer'],
      registers,
      collect: async function (this: Gauge) {
        const head = await store.headPosition();
        for (const runner of subscriptions.runners)
          this.set({ consumer: runner.name }, Number(positionsBehind(head, runner)));
      },
    });
    new Gauge({
      name: 'kandas_parked_events',
      help: 'Events parked in the dead-letter list',
      registers,
      collect: async function (this: Gauge) {
        this.set((await deadLetters.list({ status: 'parked' })).length);
      },
    });
    new Gauge({
      name: 'kandas_steps_waiting_for_data',
      help: 'Saga steps waiting for data of the law (ADR 23), by reason code and the table they await; they resume by themselves',
      labelNames: ['reason', 'table'],
      registers,
      collect: async function (this: Gauge) {
        // Reset first: a reason whose steps all resumed must read 0, not its last count.
        this.reset();
        for (const letter of await deadLetters.list({ status: 'waiting-for-data' }))
          this.inc({ reason: letter.error.code ?? letter.error.name, table: letter.awaiting?.table ?? 'unknown' });
      },
    });
    new Gauge({
      name: 'kandas_pending_deadlines',
      help: 'SLA deadlines waiting to fire',
      registers,
      collect: function (this: Gauge) {
        this.set(deadlines.pendingCount());
      },
    });
    sla.register(registers);
    registerCheckpointMetrics(checkpoints, registers);
    notices.register(registers);
    hearings.register(registers);
    payments.register(registers);
  }

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics, in the text exposition format (version 0.0.4), for a scraper' })
  @ApiOkResponse({
    description:
      'The metrics: commands, events, subscription lag, parked events, steps waiting for data, pending deadlines, SLA at risk and breached, checkpoint copies, notices queued, delivered, failed and parked and the age of the oldest undelivered',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
