import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { PaymentRegisterQuery } from '@infra/read-models';

/** The payment orders of the support after arrival by state, read from the register at scrape time (ADR 33). */
@Injectable()
export class PaymentGauges {
  constructor(private readonly orders: PaymentRegisterQuery) {}

  register(registers: Registry[]): void {
    const orders = this.orders;
    new Gauge({
      name: 'kandas_payment_orders',
      help: 'Payment orders of the support after arrival: pending at the bank, paid, returned, cancelled by a stop',
      labelNames: ['state'],
      registers,
      collect(this: Gauge) {
        const counts = orders.countsByState();
        for (const state of ['pending', 'paid', 'returned', 'cancelled'] as const) this.set({ state }, counts[state]);
      },
    });
  }
}
