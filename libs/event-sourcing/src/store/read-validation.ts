import { InvalidReadError } from './errors';
import { Position } from './recorded-event';

/** Checks a caller-supplied start position; keywords pass, a position must be a bigint ≥ 0. */
export function validateStartPosition<Keyword extends string>(
  value: Position | Keyword | undefined,
  field: string,
): void {
  if (value === undefined || typeof value === 'string') return;
  if (typeof value !== 'bigint' || value < 0n)
    throw new InvalidReadError(`${field} must be a position (bigint >= 0) or a keyword`);
}

export function validateMaxCount(value: number | undefined): void {
  if (value === undefined) return;
  if (!(Number.isSafeInteger(value) && value >= 0)) throw new InvalidReadError('maxCount must be an integer >= 0');
}

export function validateStartRevision(value: number | 'start' | 'end' | undefined): void {
  if (value === undefined || value === 'start' || value === 'end') return;
  if (!(Number.isSafeInteger(value) && value >= 0))
    throw new InvalidReadError('fromRevision must be a revision >= 0, "start" or "end"');
}
