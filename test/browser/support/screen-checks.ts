import type { Page } from 'playwright-core';
import { accessibilityViolations, screenshot, seriousOrCritical } from './console-under-test';
import type { ConsoleLanguage } from './console-under-test';
import { untranslatedLabels } from './untranslated';

/** What the scripts run in the page use of it (the tests are compiled without the DOM's types). */
interface Dom {
  readonly document: { querySelector(selector: string): unknown; readonly fonts: { readonly ready: Promise<unknown> } };
}

/** The screen's one heading (`<h2>`) in each language. */
export type Headings = Readonly<Record<ConsoleLanguage, string>>;

/**
 * Resolves once nothing on the screen is loading (no Mantine loader left) and the bundled font is
 * in: what the officer sees once the screen has settled, and what a screenshot should show.
 */
export async function settled(page: Page): Promise<void> {
  // Nothing hovered: a button under the pointer after a click is not how the screen rests.
  await page.mouse.move(0, 0);
  // Functions, not strings: the console's CSP forbids evaluating a string in the page.
  await page.waitForFunction(() => !(globalThis as unknown as Dom).document.querySelector('.mantine-Loader-root'));
  await page.evaluate(async () => {
    await (globalThis as unknown as Dom).document.fonts.ready;
  });
}

async function switchTo(page: Page, language: ConsoleLanguage, headings: Headings): Promise<void> {
  await page.getByTestId(`language-${language}`).click();
  await page.getByRole('heading', { level: 2, name: headings[language], exact: true }).waitFor();
  await settled(page);
}

/**
 * What every screen must pass, from Russian (where it starts): no serious or critical axe violation,
 * a screenshot in Russian and in Kazakh (docs/console/<language>/<screen>.png), no label left
 * untranslated in Kazakh and in English. It ends back in Russian, for the flow to go on.
 */
export async function checkScreen(page: Page, screen: string, headings: Headings): Promise<void> {
  await page.getByRole('heading', { level: 2, name: headings.ru, exact: true }).waitFor();
  await settled(page);
  expect(seriousOrCritical(await accessibilityViolations(page))).toEqual([]);
  await screenshot(page, screen, 'ru');
  await switchTo(page, 'kk', headings);
  expect(await untranslatedLabels(page, 'kk')).toEqual([]);
  expect(seriousOrCritical(await accessibilityViolations(page))).toEqual([]);
  await screenshot(page, screen, 'kk');
  await switchTo(page, 'en', headings);
  expect(await untranslatedLabels(page, 'en')).toEqual([]);
  await switchTo(page, 'ru', headings);
}
