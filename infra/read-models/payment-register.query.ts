import type Database from 'better-sqlite3';
import { ensurePaymentRegisterSchema } from './payment-register.projection';

export type PaymentState = 'pending' | 'paid' | 'returned' | 'cancelled';

/** One payment order as the register lists it. */
export interface RegisterOrder {
  readonly orderId: string;
  readonly applicationId: string;
  readonly region: string;
  readonly category: string;
  readonly instalment: string;
  readonly kind: 'relocation' | 'rent';
  readonly dueOn: string;
  readonly amount: number;
  readonly state: PaymentState;
  readonly paidOn: string | null;
  readonly returnedOn: string | null;
  readonly reissueOf: string | null;
}

/** An order as the bank file carries it: whom to pay, where, how much. */
export interface BankFileOrder {
  readonly orderId: string;
  readonly applicationId: string;
  readonly recipientIin: string;
  readonly recipientIban: string;
  readonly amount: number;
  readonly dueOn: string;
  readonly region: string;
  readonly instalment: string;
}

/** What a region's month holds: the count and sum of its orders in each state, and the whole. */
export interface MonthTotals {
  readonly region: string;
  readonly month: string;
  readonly orders: number;
  readonly committed: number;
  readonly paid: number;
  readonly returned: number;
  readonly pending: number;
  readonly cancelled: number;
}

/**
 * The register of payments (ADR 33), as the payments officers and the budget read it: a month's
 * orders, and per region what was committed (paid or still pending at the bank), paid, returned
 * (the money came back; a re-issue is an order of its own), cancelled by a stop — each a sum over the
 * same rows, so committed + returned + cancelled is always the sum of the orders.
 */
export class PaymentRegisterQuery {
  private readonly ordersOfMonth: Database.Statement;
  private readonly totalsOfMonth: Database.Statement;
  private readonly byState: Database.Statement;
  private readonly pendingOfMonth: Database.Statement;

  constructor(db: Database.Database) {
    ensurePaymentRegisterSchema(db);
    this.ordersOfMonth = db.prepare(
      `SELECT order_id AS orderId, application_id AS applicationId, region, category, instalment, kind,
              due_on AS dueOn, amount, state, paid_on AS paidOn, returned_on AS returnedOn, reissue_of AS reissueOf
         FROM payment_orders WHERE month = @month AND (@region IS NULL OR region = @region)
        ORDER BY due_on, order_id, application_id`,
    );
    this.totalsOfMonth = db.prepare(
      `SELECT region, month, COUNT(*) AS orders,
              COALESCE(SUM(CASE WHEN state IN ('pending', 'paid') THEN amount END), 0) AS committed,
              COALESCE(SUM(CASE WHEN state = 'paid' THEN amount END), 0) AS paid,
              COALESCE(SUM(CASE WHEN state = 'returned' THEN amount END), 0) AS returned,
              COALESCE(SUM(CASE WHEN state = 'pending' THEN amount END), 0) AS pending,
              COALESCE(SUM(CASE WHEN state = 'cancelled' THEN amount END), 0) AS cancelled
         FROM payment_orders WHERE month = @month AND (@region IS NULL OR region = @region)
        GROUP BY region, month ORDER BY region`,
    );
    this.byState = db.prepare('SELECT state, COUNT(*) AS n FROM payment_orders GROUP BY state');
    this.pendingOfMonth = db.prepare(
      `SELECT order_id AS orderId, application_id AS applicationId, recipient_iin AS recipientIin,
              recipient_iban AS recipientIban, amount, due_on AS dueOn, region, instalment
         FROM payment_orders WHERE month = @month AND state = 'pending' AND (@region IS NULL OR region = @region)
        ORDER BY due_on, order_id, application_id`,
    );
  }

  /** The orders still pending at the bank in a month: what its file for the bank carries. */
  pendingOrders(month: string, region: string | null = null): BankFileOrder[] {
    return this.pendingOfMonth.all({ month, region }) as BankFileOrder[];
  }

  orders(month: string, region: string | null = null): RegisterOrder[] {
    return this.ordersOfMonth.all({ month, region }) as RegisterOrder[];
  }

  totals(month: string, region: string | null = null): MonthTotals[] {
    return this.totalsOfMonth.all({ month, region }) as MonthTotals[];
  }

  /** How many orders are in each state (observability). */
  countsByState(): Record<PaymentState, number> {
    const counts: Record<PaymentState, number> = { pending: 0, paid: 0, returned: 0, cancelled: 0 };
    for (const row of this.byState.all() as Array<{ state: PaymentState; n: number }>) counts[row.state] = row.n;
    return counts;
  }
}
