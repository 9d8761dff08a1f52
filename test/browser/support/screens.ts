import type { Page } from 'playwright-core';
import { reviewer } from '../../../apps/console/src/pages/reviewer/messages';
import { accessibilityViolations, screenshot, seriousOrCritical } from './console-under-test';
import type { ConsoleLanguage } from './console-under-test';
import { untranslatedLabels } from './untranslated';

/** A screen's one heading (`<Title order={2}>`) in each language: what to wait for after a switch. */
export type Headings = Readonly<Record<ConsoleLanguage, string | RegExp>>;

/** The heading of a screen whose title is `<key>.title` of a role's labels, in each language. */
export function titlesOf<K extends string>(
  labels: Readonly<Record<ConsoleLanguage, Readonly<Record<K, { readonly title: string }>>>>,
  key: K,
): Headings {
  return { ru: labels.ru[key].title, kk: labels.kk[key].title, en: labels.en[key].title };
}

/** The application page's heading, «Заявление: <name>», whoever's name it is. */
export const APPLICATION_HEADINGS: Headings = {
  ru: new RegExp(`^${reviewer.ru.application.heading.split('{{')[0]}`),
  kk: new RegExp(`^${reviewer.kk.application.heading.split('{{')[0]}`),
  en: new RegExp(`^${reviewer.en.application.heading.split('{{')[0]}`),
};

async function switchTo(page: Page, language: ConsoleLanguage, headings: Headings): Promise<void> {
  await page.getByTestId(`language-${language}`).click();
  await page.getByRole('heading', { level: 2, name: headings[language] }).waitFor();
  // Answers told in the language (the history) are asked again: let them come.
  await page.waitForLoadState('networkidle');
}

/**
 * What every screen must pass, from Russian: no serious or critical axe violation in Russian and in
 * Kazakh, a screenshot in both (docs/console/{ru,kk}/<name>.png), no label left untranslated in
 * Kazakh nor in English; then back to Russian.
 */
export async function checkScreen(page: Page, name: string, headings: Headings): Promise<void> {
  await page.getByRole('heading', { level: 2, name: headings.ru }).waitFor();
  await page.waitForLoadState('networkidle');
  // What the officer sees at rest: no element under the pointer left hovered by the last click.
  await page.mouse.move(0, 0);
  expect(seriousOrCritical(await accessibilityViolations(page))).toEqual([]);
  await screenshot(page, name, 'ru');
  await switchTo(page, 'kk', headings);
  expect(await untranslatedLabels(page, 'kk')).toEqual([]);
  expect(seriousOrCritical(await accessibilityViolations(page))).toEqual([]);
  await screenshot(page, name, 'kk');
  await switchTo(page, 'en', headings);
  expect(await untranslatedLabels(page, 'en')).toEqual([]);
  await switchTo(page, 'ru', headings);
}

/** Text as the page shows it, its (narrow) no-break spaces made plain: `908 250 ₸`. */
export const plain = (text: string) => text.replace(/\s/g, ' ');

/**
 * A dialog open over a screen, in Russian (the language switch is behind it): its title shown, no
 * serious or critical axe violation, and a screenshot (docs/console/ru/<name>.png).
 */
export async function checkDialog(page: Page, name: string, title: string): Promise<void> {
  await page.getByRole('dialog', { name: title }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.mouse.move(0, 0);
  expect(seriousOrCritical(await accessibilityViolations(page))).toEqual([]);
  await screenshot(page, name, 'ru');
}
