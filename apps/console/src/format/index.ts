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

/**
 * The parts of an instant on the wall clock of Asia/Almaty, by one formatter made once: luxon built a
 * new one for every cell (40–75 ms for a page of 50 rows in the benchmark's profile). The layout,
 * dd.MM.yyyy HH:mm, is the same in every language, so the formatter's own locale does not matter.
 */
const ALMATY_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `05.03.2026 14:30` in Asia/Almaty. */
export function formatInstant(iso: string | null | undefined, _language?: Language): string {
  if (!iso) return '—';
  const part: Record<string, string> = {};
  for (const piece of ALMATY_PARTS.formatToParts(new Date(iso))) part[piece.type] = piece.value;
  return `${part.day}.${part.month}.${part.year} ${part.hour}:${part.minute}`;
}

/** `05.03.2026` for a calendar date (`yyyy-MM-dd`), which has no zone. */
export function formatDate(date: string | null | undefined, _language?: Language): string {
  if (!date) return '—';
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/**
 * Whole tenge, grouped the way the language groups them: `302 750 ₸`. The narrow symbol: Chromium's
 * Russian and English data spell the currency `KZT`, which no officer writes.
 */
export function formatTenge(amount: number | null | undefined, language: Language): string {
  if (amount === null || amount === undefined) return '—';
  return tengeFormats[language].format(amount);
}

export function formatNumber(value: number, language: Language): string {
  return numberFormats[language].format(value);
}

const byLanguage = <T>(make: (locale: string) => T) =>
  Object.fromEntries(Object.entries(NUMBER_LOCALES).map(([language, locale]) => [language, make(locale)])) as Record<
    Language,
    T
  >;

/** Made once per language, not once per cell. */
const tengeFormats = byLanguage(
  (locale) =>
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'KZT',
      // Russian and English would write "KZT"; the sign is what every officer reads.
      currencyDisplay: 'narrowSymbol',
      maximumFractionDigits: 0,
    }),
);
const numberFormats = byLanguage((locale) => new Intl.NumberFormat(locale));
