import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { domain } from './domain';
import { LANGUAGES } from './messages';
import type { Language } from './messages';
import { areas } from './areas';

export { LANGUAGES };
export type { Language };

const STORAGE_KEY = 'kandas.language';

function storedLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'ru';
}

const namespaces = { common, domain, ...areas };
const resources = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    Object.fromEntries(Object.entries(namespaces).map(([name, dictionary]) => [name, dictionary[language]])),
  ]),
);

/** Russian by default (the choice), the officer's choice remembered on this computer. */
void i18next.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: false,
  defaultNS: 'common',
  ns: Object.keys(namespaces),
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export function currentLanguage(): Language {
  return i18next.language as Language;
}

export async function switchLanguage(language: Language): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export default i18next;
