import { DateTime } from 'luxon';
import type { Language } from '../i18n/messages';

/** Every time the console shows is on the wall clock of Astana/Almaty, whatever the computer's zone. */
export const ZONE = 'Asia/Almaty';

const LOCALES: Record<Language, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

/**
 * Numbers and tenge in Kazakh are written as in Russian (CLDR gives both `908 250 ₸`); a browser
 * whose ICU lacks Kazakh data (Debian's Chromium) formats `kk-KZ` as `₸ 908,250`, so the Russian
 * conventions of Kazakhstan are asked for by name.
 */
const NUMBER_LOCALES: Record<Language, string> = { ru: 'ru-RU', kk: 'ru-KZ', en: 'en-GB' };

/** `05.03.2026 14:30` in Asia/Almaty. */
export function formatInstant(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—';
  return DateTime.fromISO(iso, { zone: 'utc' })
    .setZone(ZONE)
    .setLocale(localeOf(language))
    .toFormat('dd.MM.yyyy HH:mm');
}

/** `05.03.2026` for a calendar date (`yyyy-MM-dd`), which has no zone. */
export function formatDate(date: string | null | undefined, language: Language): string {
  if (!date) return '—';
  return DateTime.fromISO(date).setLocale(localeOf(language)).toFormat('dd.MM.yyyy');
}

/**
 * Whole tenge, grouped the way the language groups them: `302 750 ₸`. The narrow symbol: Chromium's
 * Russian and English data spell the currency `KZT`, which no officer writes.
 */
export function formatTenge(amount: number | null | undefined, language: Language): string {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat(NUMBER_LOCALES[language], {
    style: 'currency',
    currency: 'KZT',
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[language]).format(value);
}

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
