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

/** The last (sort key, id) a page returned, as an opaque base64url string. */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string')) {
      return { key: value[0] as string, id: value[1] as string };
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidReadModelQueryError('cursor', 'is not a cursor this list returned');
}

/** A SQL identifier, quoted. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
