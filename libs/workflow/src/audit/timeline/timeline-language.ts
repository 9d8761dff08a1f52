/** The languages the timeline speaks: the state language, Russian, and English for foreign auditors. */
export const TIMELINE_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type TimelineLanguage = (typeof TIMELINE_LANGUAGES)[number];

/** Russian when nothing is asked: the language most of the back office works in. */
export const DEFAULT_TIMELINE_LANGUAGE: TimelineLanguage = 'ru';

export function isTimelineLanguage(value: unknown): value is TimelineLanguage {
  return typeof value === 'string' && (TIMELINE_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language an `Accept-Language` header prefers among kk, ru and en (RFC 9110 §12.5.4: the
 * highest q wins, ties in the order given; `kk-KZ` counts as `kk`, `*` as the default). Russian when
 * the header is absent or names none of them: a request is never refused for its language.
 */
export function languageFromAcceptLanguage(header: string | undefined): TimelineLanguage {
  if (!header) return DEFAULT_TIMELINE_LANGUAGE;
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)).find((m) => m !== null);
      return { tag: range.trim().toLowerCase().split('-')[0]!, q: q ? Number(q[1]) : 1, order };
    })
    .filter(({ q }) => Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranked) {
    if (isTimelineLanguage(tag)) return tag;
    if (tag === '*') return DEFAULT_TIMELINE_LANGUAGE;
  }
  return DEFAULT_TIMELINE_LANGUAGE;
}
