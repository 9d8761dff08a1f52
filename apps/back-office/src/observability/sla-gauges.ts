import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { SlaDashboardQuery } from '@infra/read-models';

/** SLA state of the open applications, by region, read from the dashboard at scrape time. */
@Injectable()
export class SlaGauges {
  constructor(private readonly dashboard: SlaDashboardQuery) {}

  register(registers: Registry[]): void {
    const dashboard = this.dashboard;
    for (const [name, key, help] of [
      ['kandas_applications_at_risk', 'atRisk', 'Open applications past their at-risk point'],
      ['kandas_applications_breached', 'breached', 'Open applications past their due date'],
      ['kandas_decisions_late', 'decidedLate', 'Decisions taken after the due date'],
    ] as const) {
      new Gauge({
        name,
        help,
        labelNames: ['region'],
        registers,
        collect(this: Gauge) {
          this.reset();
          for (const region of dashboard.byRegion().regions) this.set({ region: region.region }, region[key]);
        },
      });
    }
  }
}
