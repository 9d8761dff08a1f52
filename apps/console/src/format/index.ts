import { DateTime } from 'luxon';
import type { Language } from '../i18n/messages';

/** Every time the console shows is on the wall clock of Astana/Almaty, whatever the computer's zone. */
export const ZONE = 'Asia/Almaty';

const LOCALES: Record<Language, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

/**
 * Numbers and amounts are written the Kazakhstani way in Kazakh and Russian alike (`908 250 ₸`):
 * Chromium's reduced ICU has no Kazakh number data and would fall back to `₸908,250`.
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

/** Whole tenge, grouped the way the language groups them: `302 750 ₸`. */
export function formatTenge(amount: number | null | undefined, language: Language): string {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat(NUMBER_LOCALES[language], {
    style: 'currency',
    currency: 'KZT',
    // Russian and English would write "KZT"; the sign is what every officer reads.
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[language]).format(value);
}
