/**
 * Small helpers shared by the back office's read models: instants normalised for ordering, the
 * opaque cursor of keyset pagination, and the typed error a query throws on bad input.
 */

/** A query was asked something it cannot answer (bad limit, cursor, status...): HTTP 400 at the edge. */
export class InvalidReadModelQueryError extends Error {
  readonly code = 'READ_MODEL.INVALID_QUERY';
  constructor(readonly field: string, reason: string) {
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
  // are their own normalisation (checked field by field, as Date.parse would roll 02-30 over).
  if (isCanonicalUtcInstant(instant)) return instant;
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`Read model: "${instant}" is not an ISO-8601 instant`);
  return new Date(ms).toISOString();
}

const DIGIT_0 = 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `yyyy-MM-ddTHH:mm:ss.SSSZ` naming a real instant: exactly what `new Date(Date.parse(s)).toISOString()` gives back. */
function isCanonicalUtcInstant(s: string): boolean {
  if (s.length !== 24) return false;
  const n = (at: number, length: number): number => {
    let value = 0;
    for (let i = at; i < at + length; i++) {
      const digit = s.charCodeAt(i) - DIGIT_0;
      if (digit < 0 || digit > 9) return -1;
      value = value * 10 + digit;
    }
    return value;
  };
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':' || s[19] !== '.' || s[23] !== 'Z') return false;
  const year = n(0, 4);
  const month = n(5, 2);
  const day = n(8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return false;
  const hour = n(11, 2);
  const minute = n(14, 2);
  const second = n(17, 2);
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && n(20, 3) >= 0;
}

export function utcInstantOrNull(instant: string | null | undefined): string | null {
  return instant == null ? null : utcInstant(instant);
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
