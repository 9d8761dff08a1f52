import type { Page } from 'playwright-core';
import { common } from '../../../apps/console/src/i18n/common';
import { domain } from '../../../apps/console/src/i18n/domain';
import { areas } from '../../../apps/console/src/i18n/areas';
import type { BrowserGlobals, ConsoleLanguage } from './console-under-test';

type Dictionary = { readonly [key: string]: string | Dictionary };

function labels(dictionary: Dictionary, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(dictionary)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [inner, text] of labels(value, path)) found.set(inner, text);
  }
  return found;
}

const NAMESPACES = { common, domain, ...areas } as unknown as Record<string, Record<ConsoleLanguage, Dictionary>>;

/** The text a label leaves once its {{placeholders}} are cut out: the parts that must appear verbatim. */
const fixedParts = (label: string) =>
  label
    .split(/\{\{[^}]+\}\}/)
    .map((part) => part.trim())
    .filter((part) => part.length >= 4);

interface MarkedElements {
  readonly document: { querySelectorAll(selector: string): Iterable<{ readonly innerText: string }> };
}

/**
 * What, on a page switched to `language`, is still in another language or was never translated: a
 * label of another language (that this language words differently) found in the page's visible text,
 * or a raw key (`nav.queue`) shown instead of a label.
 *
 * Text marked `translate="no"` is left out: data shown as recorded, not a label of the console (the
 * title of a legal act in its own words, a stream id, an error the API worded), which may well hold
 * an English word that is also a label.
 */
export async function untranslatedLabels(page: Page, language: ConsoleLanguage): Promise<string[]> {
  const text = await page.evaluate(() => {
    const globals = globalThis as unknown as BrowserGlobals & MarkedElements;
    let visible = globals.document.body.innerText;
    for (const data of globals.document.querySelectorAll('[translate="no"]'))
      visible = visible.replace(data.innerText, ' ');
    return visible;
  });
  const own = new Set<string>();
  const keys = new Set<string>();
  const foreign = new Map<string, string>();
  for (const [namespace, byLanguage] of Object.entries(NAMESPACES)) {
    for (const [key, label] of labels(byLanguage[language])) {
      keys.add(`${namespace}:${key}`);
      keys.add(key);
      for (const part of fixedParts(label)) own.add(part);
    }
    for (const other of ['ru', 'kk', 'en'] as const)
      if (other !== language)
        for (const [key, label] of labels(byLanguage[other]))
          for (const part of fixedParts(label)) foreign.set(part, `${other} ${namespace}:${key}`);
  }
  const found: string[] = [];
  for (const [part, where] of foreign)
    if (!own.has(part) && ![...own].some((mine) => mine.includes(part)) && text.includes(part))
      found.push(`"${part}" (${where})`);
  for (const key of keys) if (key.includes('.') && text.includes(key)) found.push(`raw key ${key}`);
  return found;
}
