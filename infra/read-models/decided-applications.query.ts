import type Database from 'better-sqlite3';
import { ensureApplicationsSchema } from './applications.projection';
import { decodeCursor, encodeCursor, pageLimit, type Page, type PageRequest } from './read-model-support';

/** A decided application as the read model holds it: what its timeliness was judged on. */
export interface DecidedApplicationRow {
  readonly applicationId: string;
  readonly decision: 'included' | 'refused';
  readonly decisionNumber: string | null;
  readonly decisionDate: string | null;
  readonly region: string;
  readonly year: number;
  readonly signedAt: string;
  readonly decidedAt: string;
  readonly dueAt: string | null;
  readonly late: boolean;
}

interface Row {
  application_id: string;
  decision: 'included' | 'refused';
  decision_number: string | null;
  decision_date: string | null;
  region: string;
  quota_year: number;
  signed_at: string;
  decided_at: string;
  due_at: string | null;
  late: number;
}

/** Rows read at a time while looking for the ones a page keeps. */
const BATCH = 500;

/**
 * Decided applications in decision order (decided_at, then id), paged by a keyset cursor like every
 * list (ADR 19), keeping only the rows `keep` maps to an item. What is kept is judged in code (the
 * law in force is not in SQL), so a page reads the rows in batches until it has `limit` + 1 items or
 * none are left; the cursor is the last kept row's key, so a page never repeats nor skips an item.
 */
export class DecidedApplicationsQuery {
  private readonly select: Database.Statement;

  constructor(db: Database.Database) {
    ensureApplicationsSchema(db);
    this.select = db.prepare(
      `SELECT application_id, decision, decision_number, decision_date, region, quota_year, signed_at,
              decided_at, due_at, late
       FROM applications
       WHERE decision IS NOT NULL AND signed_at IS NOT NULL AND decided_at IS NOT NULL
         AND (decided_at, application_id) > (@decidedAt, @applicationId)
       ORDER BY decided_at, application_id
       LIMIT @batch`,
    );
  }

  page<T>(request: PageRequest, keep: (row: DecidedApplicationRow) => T | undefined): Page<T> {
    const limit = pageLimit(request.limit);
    let [decidedAt, applicationId] = request.cursor ? decodeCursor(request.cursor) : ['', ''];
    const kept: Array<{ item: T; key: [string, string] }> = [];
    for (;;) {
      const rows = this.select.all({ decidedAt, applicationId, batch: BATCH }) as Row[];
      for (const row of rows) {
        const item = keep(toDecided(row));
        if (item !== undefined) kept.push({ item, key: [row.decided_at, row.application_id] });
        if (kept.length > limit) break;
      }
      const last = rows.at(-1);
      if (kept.length > limit || rows.length < BATCH || last === undefined) break;
      [decidedAt, applicationId] = [last.decided_at, last.application_id];
    }
    const items = kept.slice(0, limit);
    const lastKept = items.at(-1);
    return {
      items: items.map(({ item }) => item),
      nextCursor: kept.length > limit && lastKept ? encodeCursor(...lastKept.key) : null,
    };
  }
}

function toDecided(row: Row): DecidedApplicationRow {
  return {
    applicationId: row.application_id,
    decision: row.decision,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    region: row.region,
    year: row.quota_year,
    signedAt: row.signed_at,
    decidedAt: row.decided_at,
    dueAt: row.due_at,
    late: row.late === 1,
  };
}
