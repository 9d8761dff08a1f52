/** The same keys as the Russian dictionary, each a string: what Kazakh and English must translate. */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

export const LANGUAGES = ['ru', 'kk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A namespace of labels in the three languages. Russian is the reference; Kazakh and English are
 * checked against it by the compiler, so a label missing in one language does not build (the
 * browser test then checks that no label of another language is left on a switched screen).
 */
export function messages<T extends object>(ru: T, others: { kk: Translation<T>; en: Translation<T> }) {
  return { ru, kk: others.kk, en: others.en };
}
