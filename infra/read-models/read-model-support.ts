/**
 * Small helpers shared by the back office's read models: instants normalised for ordering, the
 * opaque cursor of keyset pagination, and the typed error a query throws on bad input.
 */

/** A query was asked something it cannot answer (bad limit, cursor, status...): HTTP 400 at the edge. */
export class InvalidReadModelQueryError extends Error {
  readonly code = 'READ_MODEL.INVALID_QUERY';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'InvalidReadModelQueryError';
  }
}

/**
 * The instant in UTC, `yyyy-MM-ddTHH:mm:ss.SSSZ`, so that text order is time order whatever offset
 * the event was written with. Derived from the event only (never from the clock); a value that is
 * not an instant fails loudly, like a corrupted history.
 */
export function utcInstant(instant: string): string {
  // Events are written with toISOString(): most instants are already in that form, and then they
  // are their own normalisation.
  if (isCanonicalUtcInstant(instant)) return instant;
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`Read model: "${instant}" is not an ISO-8601 instant`);
  return new Date(ms).toISOString();
}

const CANONICAL_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * `yyyy-MM-ddTHH:mm:ss.SSSZ` naming a real instant: the shape, then a round trip, since Date.parse
 * rolls a day that does not exist (02-30, 24:00) over into the next instead of refusing it.
 */
function isCanonicalUtcInstant(s: string): boolean {
  if (!CANONICAL_SHAPE.test(s)) return false;
  const ms = Date.parse(s);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === s;
}

/** A SQLite integer read with `safeIntegers`, as a JSON-able number; refuses to round. */
export function toSafeNumber(value: bigint | number | null): number {
  if (value === null) return 0;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Read model: ${value} does not fit a safe integer`);
  return n;
}

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new InvalidReadModelQueryError('limit', `must be a whole number from 1 to ${MAX_PAGE_LIMIT}`);
  }
  return limit;
}

/** The sort key of the last row a page returned (its id last), as an opaque base64url string. */
export function encodeCursor(...key: string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key a cursor carries; refuses one of another length (a cursor of another list). */
export function decodeCursor(cursor: string, parts = 2): string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === parts && value.every((part) => typeof part === 'string')) {
      return value;
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidReadModelQueryError('cursor', 'is not a cursor this list returned');
}

/**
 * One page of a list in a stable order: asks for one row more than the limit, and when it comes
 * back, the last row kept gives the cursor of the next page.
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (last: T) => string[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(...keyOf(last)) : null };
}

/**
 * One page of a list already whole in memory and sorted by `keyOf` (a report of a few rows per
 * region, computed from the whole table anyway; the dead letters of one consumer): the same cursor
 * and `{ items, nextCursor }` as a keyset page in SQL. Keys compare as tuples of strings, so a
 * numeric part must be of fixed width (a year, a zero-padded position).
 */
export function pageOfSorted<T>(
  sorted: readonly T[],
  page: PageRequest,
  keyParts: number,
  keyOf: (item: T) => string[],
): Page<T> {
  const limit = pageLimit(page.limit);
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor, keyParts);
  const rest = after === undefined ? sorted : sorted.filter((item) => compareKeys(keyOf(item), after) > 0);
  return pageOf(rest.slice(0, limit + 1), limit, keyOf);
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return a.length - b.length;
}

export interface PageRequest {
  /** 1..MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT by default. */
  readonly limit?: number;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string;
}

/** A page of a list; `nextCursor` is null on the last page. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** A SQL identifier, quoted. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
