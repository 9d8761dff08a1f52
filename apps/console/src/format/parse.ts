import { DateTime } from 'luxon';
import { ZONE } from './index';

// Reading what an officer types needs luxon; only the forms that take dates load it (not the frame).

/** How the officer types a date and a time (the way the console shows them). */
export const DATE_INPUT = 'dd.MM.yyyy';
export const DATE_TIME_INPUT = 'dd.MM.yyyy HH:mm';

/** A date as typed, `05.03.2026` (or `2026-03-05`), as the API takes it (`2026-03-05`); null when it is none. */
export function parseDate(text: string): string | null {
  const typed = text.trim();
  const date = DateTime.fromFormat(typed, DATE_INPUT);
  const parsed = date.isValid ? date : DateTime.fromISO(typed);
  return parsed.isValid && /^\d{1,2}\.\d{1,2}\.\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(typed) ? parsed.toISODate() : null;
}

/** A time as typed on the Almaty clock, `05.03.2026 18:00`, as an instant (`2026-03-05T13:00:00.000Z`); null when none. */
export function parseAlmatyDateTime(text: string): string | null {
  const local = DateTime.fromFormat(text.trim(), DATE_TIME_INPUT, { zone: ZONE });
  return local.isValid ? local.toUTC().toISO() : null;
}
