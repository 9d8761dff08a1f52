import type Database from 'better-sqlite3';
import type { ApplicationIncluded, SubsidyGranted } from '@domain/application';
import { EventTypeRegistry, Projection, RecordedEvent } from '@libs/event-sourcing';
import { utcInstant } from './read-model-support';

export const SUBSIDY_TOTALS_TABLES: readonly string[] = ['subsidy_decisions', 'subsidy_grants'];

export function ensureSubsidyTotalsSchema(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS subsidy_decisions (
    application_id TEXT PRIMARY KEY,
    region         TEXT NOT NULL,
    decision_year  INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS subsidy_grants (
    application_id TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('relocation', 'rent')),
    region         TEXT NOT NULL,
    decision_year  INTEGER NOT NULL,
    amount         INTEGER NOT NULL,
    granted_at     TEXT NOT NULL,
    event_id       TEXT NOT NULL,
    PRIMARY KEY (application_id, kind)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS subsidy_grants_by_year_region ON subsidy_grants (decision_year, region, kind, amount);`);
}

/** The domain's own event data: a renamed field breaks the build. */
type Included = ApplicationIncluded['data'];
type Granted = SubsidyGranted['data'];

/**
 * One row per subsidy granted (an application gets each kind once), with the region and the year of
 * the inclusion decision it follows; the totals are sums over these rows, so a redelivered event,
 * kept out by the primary key, is never counted twice. Amounts are whole tenge in 64-bit integers.
 */
export class SubsidyTotalsProjection implements Projection {
  readonly kind = 'projection';
  readonly name = 'subsidy-totals';
  readonly filter = { streamPrefixes: ['application-'], eventTypes: ['ApplicationIncluded', 'SubsidyGranted'] };
  private readonly decided: Database.Statement;
  private readonly decisionOf: Database.Statement;
  private readonly grant: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly registry: EventTypeRegistry,
  ) {
    ensureSubsidyTotalsSchema(db);
    this.decided = db.prepare('INSERT INTO subsidy_decisions VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    this.decisionOf = db.prepare(
      'SELECT region, decision_year AS year FROM subsidy_decisions WHERE application_id = ?',
    );
    this.grant = db.prepare('INSERT INTO subsidy_grants VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  }

  apply(stored: RecordedEvent): void {
    const event = this.registry.upcast(stored);
    if (event.type === 'ApplicationIncluded') {
      const { applicationId, region, decision } = event.data as Included;
      this.decided.run(applicationId, region, Number(decision.date.slice(0, 4)));
    } else if (event.type === 'SubsidyGranted') {
      const { applicationId, kind, amount, grantedAt } = event.data as Granted;
      const decision = this.decisionOf.get(applicationId) as { region: string; year: number } | undefined;
      // A subsidy follows an inclusion in the same stream; without one the history is inconsistent.
      if (!decision)
        throw new Error(
          `subsidy-totals: SubsidyGranted ${event.eventId} follows no ApplicationIncluded of ${applicationId}`,
        );
      if (!Number.isSafeInteger(amount))
        throw new Error(`subsidy-totals: amount ${amount} of ${event.eventId} is not whole tenge`);
      this.grant.run(applicationId, kind, decision.region, decision.year, amount, utcInstant(grantedAt), event.eventId);
    }
  }
}
