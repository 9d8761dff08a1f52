import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** Prometheus registry of the service, with the counters the command path moves. */
@Injectable()
export class CommandMetrics {
  readonly registry = new Registry();
  private readonly commands = new Counter({
    name: 'kandas_commands_total',
    help: 'Commands received, by command type and outcome (accepted, already-handled, refused)',
    labelNames: ['command', 'outcome'],
    registers: [this.registry],
  });
  private readonly events = new Counter({
    name: 'kandas_events_appended_total',
    help: 'Events appended by commands received over HTTP',
    labelNames: ['command'],
    registers: [this.registry],
  });

  private readonly rateLimitedCommands = new Counter({
    name: 'kandas_commands_rate_limited_total',
    help: 'Command requests refused with 429 because their actor exceeded the rate limit of its role',
    labelNames: ['role'],
    registers: [this.registry],
  });

  rateLimited(role: string): void {
    this.rateLimitedCommands.inc({ role });
  }

  record(command: string, outcome: 'accepted' | 'already-handled' | 'refused', events: number): void {
    this.commands.inc({ command, outcome });
    if (outcome === 'accepted' && events > 0) this.events.inc({ command }, events);
  }
}
