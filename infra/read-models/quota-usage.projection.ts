import type Database from 'better-sqlite3';
import type { QuotaEvent, QuotaKey } from '@domain/quota';
import { EventTypeRegistry, Projection, RecordedEvent } from '@libs/event-sourcing';
import { utcInstant } from './read-model-support';

export const QUOTA_USAGE_TABLES: readonly string[] = ['quota_usage'];

export function ensureQuotaUsageSchema(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS quota_usage (
    region        TEXT NOT NULL,
    quota_year    INTEGER NOT NULL,
    category      TEXT NOT NULL,
    capacity      INTEGER,
    seats_taken   INTEGER NOT NULL DEFAULT 0,
    remaining     INTEGER NOT NULL DEFAULT 0,
    reservations  INTEGER NOT NULL DEFAULT 0,
    releases      INTEGER NOT NULL DEFAULT 0,
    declined      INTEGER NOT NULL DEFAULT 0,
    order_number  TEXT,
    order_date    TEXT,
    updated_at    TEXT NOT NULL,
    last_revision INTEGER NOT NULL,
    last_position INTEGER NOT NULL,
    PRIMARY KEY (region, quota_year, category)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS quota_usage_by_year ON quota_usage (quota_year, region, category);`);
}

/** What each quota event changes: the domain's own event data, so a renamed field breaks the build. */
type Changes = { readonly [T in QuotaEvent['type']]: Extract<QuotaEvent, { type: T }>['data'] };
type Update<D> = readonly [set: string, params: (data: D) => Record<string, string | number>];

const UPDATES: { readonly [T in keyof Changes]: Update<Changes[T]> } = {
  QuotaCapacitySet: [
    'capacity = @capacity, remaining = @capacity - seats_taken, order_number = @orderNumber, order_date = @orderDate',
    (d) => ({ capacity: d.capacity, orderNumber: d.order.number, orderDate: d.order.date }),
  ],
  SeatsReserved: [
    'seats_taken = @seatsTaken, capacity = @capacity, remaining = @remaining, reservations = reservations + 1',
    (d) => ({ seatsTaken: d.seatsTaken, capacity: d.capacity, remaining: d.remaining }),
  ],
  SeatReservationDeclined: ['remaining = @remaining, declined = declined + 1', (d) => ({ remaining: d.remaining })],
  SeatsReleased: [
    'seats_taken = @seatsTaken, remaining = @remaining, releases = releases + 1',
    (d) => ({ seatsTaken: d.seatsTaken, remaining: d.remaining }),
  ],
};

/**
 * One row per regional quota (region, year, category): capacity, seats, and how many reservations
 * were made, released and declined. The counters move only for an event of a later revision than
 * the row last saw, so a redelivered or replayed event counts once.
 */
export class QuotaUsageProjection implements Projection {
  readonly kind = 'projection';
  readonly name = 'quota-usage';
  readonly filter = { streamPrefixes: ['regional-quota-'], eventTypes: Object.keys(UPDATES) };
  private readonly create: Database.Statement;
  private readonly updates = new Map<string, Database.Statement>();

  constructor(
    db: Database.Database,
    private readonly registry: EventTypeRegistry,
  ) {
    ensureQuotaUsageSchema(db);
    this.create = db.prepare(
      `INSERT INTO quota_usage (region, quota_year, category, updated_at, last_revision, last_position)
       VALUES (@region, @year, @category, @updatedAt, -1, @position) ON CONFLICT DO NOTHING`,
    );
    for (const [type, [set]] of Object.entries(UPDATES)) {
      this.updates.set(
        type,
        db.prepare(
          `UPDATE quota_usage SET ${set}, updated_at = @updatedAt, last_revision = @revision, last_position = @position
         WHERE region = @region AND quota_year = @year AND category = @category AND last_revision < @revision`,
        ),
      );
    }
  }

  apply(stored: RecordedEvent): void {
    const event = this.registry.upcast<QuotaKey>(stored);
    const update = UPDATES[event.type as keyof Changes] as Update<unknown> | undefined;
    if (!update) return;
    const { region, year, category } = event.data;
    const common = {
      region,
      year,
      category,
      updatedAt: utcInstant(event.metadata.occurredAt),
      revision: event.revision,
      position: event.position,
    };
    this.create.run(common);
    this.updates.get(event.type)!.run({ ...update[1](event.data), ...common });
  }
}
