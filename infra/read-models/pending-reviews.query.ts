import type Database from 'better-sqlite3';
import { ensureApplicationsSchema } from './applications.projection';

/**
 * The reviews an amendment of the law may move (ADR 23): signed, undecided, not withdrawn, with a
 * deadline — breached ones too, since a later due date corrects their breach.
 */
export class PendingReviewsQuery {
  private readonly select: Database.Statement;

  constructor(db: Database.Database) {
    ensureApplicationsSchema(db);
    this.select = db
      .prepare(
        `SELECT application_id FROM applications
         WHERE status IN ('signed', 'under-review', 'reviewed', 'refusal-proposed') AND due_on IS NOT NULL AND (@dueFrom IS NULL OR due_on >= @dueFrom)
         ORDER BY application_id`,
      )
      .pluck();
  }

  openReviews(dueFrom?: string): string[] {
    return this.select.all({ dueFrom: dueFrom ?? null }) as string[];
  }
}
