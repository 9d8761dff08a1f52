import type Database from 'better-sqlite3';
import { QUOTA_EXHAUSTED } from '@domain/application';

/** Where an application stands, as the back office's `applications` read model shows it. */
export type Outcome =
  | 'included'
  | 'refused-not-eligible'
  | 'refused-quota-exhausted'
  | 'withdrawn'
  | 'open-on-time'
  | 'open-at-risk'
  | 'open-breached';

export const OUTCOMES: readonly Outcome[] = [
  'included',
  'refused-not-eligible',
  'refused-quota-exhausted',
  'withdrawn',
  'open-on-time',
  'open-at-risk',
  'open-breached',
];

export interface OutcomeCounts {
  readonly total: number;
  readonly byOutcome: Readonly<Record<Outcome, number>>;
  /** Decided (included or refused) after the due instant. */
  readonly late: number;
  readonly escalated: number;
  /** Applications that never reached the read model (should be 0 once the workflow settled). */
  readonly missing: number;
}

interface Row {
  application_id: string;
  status: string;
  late: number;
  at_risk: number;
  breached: number;
  escalated: number;
  refusal_grounds: string | null;
}

export function outcomeOf(row: Pick<Row, 'status' | 'at_risk' | 'breached' | 'refusal_grounds'>): Outcome {
  switch (row.status) {
    case 'included':
      return 'included';
    case 'refused':
      return (JSON.parse(row.refusal_grounds ?? '[]') as string[]).includes(QUOTA_EXHAUSTED)
        ? 'refused-quota-exhausted'
        : 'refused-not-eligible';
    case 'withdrawn':
      return 'withdrawn';
    default:
      return row.breached ? 'open-breached' : row.at_risk ? 'open-at-risk' : 'open-on-time';
  }
}

/** Counts the outcomes of the given applications (the seed's own; a forced seed leaves older rows alone). */
export function countOutcomes(readModels: Database.Database, applicationIds: ReadonlySet<string>): OutcomeCounts {
  const rows = readModels
    .prepare('SELECT application_id, status, late, at_risk, breached, escalated, refusal_grounds FROM applications')
    .all() as Row[];
  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  let total = 0;
  let late = 0;
  let escalated = 0;
  for (const row of rows) {
    if (!applicationIds.has(row.application_id)) continue;
    total += 1;
    byOutcome[outcomeOf(row)] += 1;
    if (row.late) late += 1;
    if (row.escalated) escalated += 1;
  }
  return { total, byOutcome, late, escalated, missing: applicationIds.size - total };
}
