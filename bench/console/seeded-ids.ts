import Database from 'better-sqlite3';

/** What the screens open, picked from the seeded store: each the heaviest of its kind, so a figure is a worst case. */
export interface SeededIds {
  /** The application with the longest stream: the largest page and timeline. */
  readonly applicationId: string;
  /** Its last revision (the auditor's slider ends there). */
  readonly revision: number;
  /** The reviewer with the most open applications in their queue. */
  readonly reviewerId: string;
  /** An applicant's IIN (a search that finds one application). */
  readonly iin: string;
  /** The word most applicants' names share, as an officer types it (a search that fills every page). */
  readonly name: string;
  /** The quota year the seed filled. */
  readonly year: number;
}

/** Picks the ids from the read models of the service's copy (read-only, once the subscriptions caught up). */
export function pickSeededIds(readModelsFile: string): SeededIds {
  const db = new Database(readModelsFile, { readonly: true, fileMustExist: true });
  try {
    const one = <T>(sql: string): T => {
      const row = db.prepare(sql).get() as T | undefined;
      if (row === undefined) throw new Error(`the seeded store has no row for: ${sql}`);
      return row;
    };
    const longest = one<{ id: string; revision: number; year: number }>(
      `SELECT application_id AS id, last_revision AS revision, quota_year AS year FROM applications
       ORDER BY last_revision DESC, application_id LIMIT 1`,
    );
    const reviewer = one<{ id: string }>(
      `SELECT reviewer_id AS id FROM applications WHERE status IN ('signed', 'under-review') AND reviewer_id IS NOT NULL
       GROUP BY reviewer_id ORDER BY COUNT(*) DESC, reviewer_id LIMIT 1`,
    );
    const applicant = one<{ iin: string }>(
      `SELECT applicant_iin AS iin FROM applications ORDER BY submitted_at, application_id
       LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM applications)`,
    );
    return {
      applicationId: longest.id,
      revision: longest.revision,
      reviewerId: reviewer.id,
      iin: applicant.iin,
      name: commonestNameWord(db.prepare('SELECT applicant_name FROM applications').pluck().all() as string[]),
      year: longest.year,
    };
  } finally {
    db.close();
  }
}

/** The word (a first name, most often) that the most applicants' names hold. */
function commonestNameWord(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names)
    for (const word of new Set(name.split(/\s+/).filter((part) => part.length > 1)))
      counts.set(word, (counts.get(word) ?? 0) + 1);
  const [word] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  if (!word) throw new Error('the seeded store holds no applicant name');
  return word;
}
