import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { HearingsQuery } from '@infra/read-models';

/** Open preliminary refusals and complaints by state, read from the read model at scrape time (ADR 32). */
@Injectable()
export class HearingGauges {
  constructor(private readonly hearings: HearingsQuery) {}

  register(registers: Registry[]): void {
    const hearings = this.hearings;
    new Gauge({
      name: 'kandas_hearings',
      help: 'Open preliminary refusals: notice not yet delivered, awaiting the hearing, heard and awaiting the decision',
      labelNames: ['state'],
      registers,
      collect(this: Gauge) {
        const counts = hearings.hearingCounts();
        this.set({ state: 'notice-pending' }, counts.noticePending);
        this.set({ state: 'awaiting-hearing' }, counts.awaitingHearing);
        this.set({ state: 'heard' }, counts.heard);
      },
    });
    new Gauge({
      name: 'kandas_complaints',
      help: 'Complaints being considered (open), and of them those at risk, past their term, escalated',
      labelNames: ['state'],
      registers,
      collect(this: Gauge) {
        const counts = hearings.complaintCounts();
        for (const state of ['open', 'at-risk', 'breached', 'escalated'] as const)
          this.set({ state }, counts[state === 'at-risk' ? 'atRisk' : state]);
      },
    });
    new Gauge({
      name: 'kandas_complaints_decided',
      help: 'Complaints answered by the provider or closed by the authority, by outcome',
      labelNames: ['outcome'],
      registers,
      collect(this: Gauge) {
        const counts = hearings.complaintCounts();
        this.set({ outcome: 'satisfied' }, counts.satisfied);
        this.set({ outcome: 'rejected' }, counts.rejected);
      },
    });
  }
}
