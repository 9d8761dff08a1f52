import { maskIins } from '../audit/audit-json';

const NAME_PARTS = ['lastName', 'firstName', 'patronymic'] as const;

/** A name part reduced to its first letter (a whole code point, so Cyrillic and Kazakh letters stay intact) + '***'. */
export function maskNamePart(part: string): string {
  const first = Array.from(part)[0];
  return first === undefined ? part : `${first}***`;
}

function isPersonName(value: object): boolean {
  return NAME_PARTS.some((part) => part in value);
}

/** Masks every person's name found at any depth: an object with `lastName`/`firstName`/`patronymic` has each string part masked. */
export function maskNames<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => maskNames(item)) as T;
  if (value !== null && typeof value === 'object') {
    const named = isPersonName(value);
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        named && (NAME_PARTS as readonly string[]).includes(key) && typeof item === 'string'
          ? maskNamePart(item)
          : maskNames(item),
      ]),
    ) as T;
  }
  return value;
}

/**
 * The export's default: every IIN (any 12-digit string at any depth, and the IIN naming a Person's
 * stream) and every person's name masked.
 */
export function maskPersonalData<T>(value: T): T {
  return maskNames(maskIins(value));
}
