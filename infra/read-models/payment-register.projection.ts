import type Database from 'better-sqlite3';
import type { PaymentOrderIssued, PaymentPaid, PaymentReturned, SupportOpened, SupportStopped } from '@domain/support';
import { EventTypeRegistry, Projection, RecordedEvent } from '@libs/event-sourcing';
import { utcInstant } from './read-model-support';

export const PAYMENT_REGISTER_TABLES: readonly string[] = ['payment_families', 'payment_orders'];

export function ensurePaymentRegisterSchema(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS payment_families (
    application_id TEXT PRIMARY KEY,
    region         TEXT NOT NULL,
    year           INTEGER NOT NULL,
    category       TEXT NOT NULL,
    opened_at      TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS payment_orders (
    order_id       TEXT NOT NULL,
    application_id TEXT NOT NULL,
    region         TEXT NOT NULL,
    category       TEXT NOT NULL,
    instalment     TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('relocation', 'rent')),
    due_on         TEXT NOT NULL,
    month          TEXT NOT NULL,
    amount         INTEGER NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('pending', 'paid', 'returned', 'cancelled')),
    paid_on        TEXT,
    returned_on    TEXT,
    reissue_of     TEXT,
    issued_at      TEXT NOT NULL,
    recipient_iin  TEXT NOT NULL,
    recipient_iban TEXT NOT NULL,
    PRIMARY KEY (application_id, order_id)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS payment_orders_by_month ON payment_orders (month, region, state);
  CREATE INDEX IF NOT EXISTS payment_orders_of_family ON payment_orders (application_id, due_on);
  CREATE INDEX IF NOT EXISTS payment_orders_by_state ON payment_orders (state);`);
}

/**
 * The register of payments (ADR 33): one row per payment order, in the region and month it falls due,
 * with the account it is paid to (the bank file is made from these rows),
 * pending until the bank answers — paid or returned — or cancelled by a stop. Totals per region and
 * month are sums over these rows, so they equal the sum of the orders by construction; a redelivered
 * event is kept out by the primary key or sets what it set already.
 */
export class PaymentRegisterProjection implements Projection {
  readonly kind = 'projection';
  readonly name = 'payment-register';
  readonly filter = {
    streamPrefixes: ['support-'],
    eventTypes: ['SupportOpened', 'PaymentOrderIssued', 'PaymentPaid', 'PaymentReturned', 'SupportStopped'],
  };
  private readonly family: Database.Statement;
  private readonly familyOf: Database.Statement;
  private readonly order: Database.Statement;
  private readonly paid: Database.Statement;
  private readonly returned: Database.Statement;
  private readonly cancelled: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly registry: EventTypeRegistry,
  ) {
    ensurePaymentRegisterSchema(db);
    this.family = db.prepare('INSERT INTO payment_families VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
    this.familyOf = db.prepare('SELECT region, category FROM payment_families WHERE application_id = ?');
    this.order = db.prepare(
      `INSERT INTO payment_orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', NULL, NULL, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    // An order id is unique within its family (ADR 33): the register keys it with the application.
    this.paid = db.prepare(
      `UPDATE payment_orders SET state = 'paid', paid_on = ? WHERE application_id = ? AND order_id = ?`,
    );
    this.returned = db.prepare(
      `UPDATE payment_orders SET state = 'returned', returned_on = ? WHERE application_id = ? AND order_id = ?`,
    );
    this.cancelled = db.prepare(
      `UPDATE payment_orders SET state = 'cancelled' WHERE application_id = ? AND order_id = ? AND state = 'pending'`,
    );
  }

  apply(stored: RecordedEvent): void {
    const event = this.registry.upcast(stored);
    switch (event.type) {
      case 'SupportOpened': {
        const { applicationId, quota, openedAt } = event.data as SupportOpened['data'];
        this.family.run(applicationId, quota.region, quota.year, quota.category, utcInstant(openedAt));
        return;
      }
      case 'PaymentOrderIssued': {
        const d = event.data as PaymentOrderIssued['data'];
        const family = this.familyOf.get(d.applicationId) as { region: string; category: string } | undefined;
        if (!family) throw new Error(`payment-register: order ${d.orderId} of a support never opened`);
        if (!Number.isSafeInteger(d.amount)) throw new Error(`payment-register: ${d.orderId} is not whole tenge`);
        this.order.run(
          d.orderId,
          d.applicationId,
          family.region,
          family.category,
          d.instalment,
          d.basis.kind,
          d.dueOn,
          d.dueOn.slice(0, 7),
          d.amount,
          d.reissueOf,
          utcInstant(d.issuedAt),
          d.recipient.iin,
          d.recipient.iban,
        );
        return;
      }
      case 'PaymentPaid': {
        const { applicationId, orderId, paidOn } = event.data as PaymentPaid['data'];
        this.paid.run(paidOn, applicationId, orderId);
        return;
      }
      case 'PaymentReturned': {
        const { applicationId, orderId, returnedOn } = event.data as PaymentReturned['data'];
        this.returned.run(returnedOn, applicationId, orderId);
        return;
      }
      case 'SupportStopped': {
        const { applicationId, cancelledOrders } = event.data as SupportStopped['data'];
        for (const orderId of cancelledOrders) this.cancelled.run(applicationId, orderId);
        return;
      }
    }
  }
}
