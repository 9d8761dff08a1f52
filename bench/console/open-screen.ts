import type { Page, Response } from 'playwright-core';
import type { BrowserGlobals } from '../../test/browser/support/console-under-test';
import { usableNow, type ReadyCheck } from './ready';
import { LABELS, type ConsoleScreen } from './screens';
import type { SeededIds } from './seeded-ids';

/** Longer than any screen should take: past it the screen counts as never usable. */
const USABLE_TIMEOUT_MS = 30_000;

export type Outcome = 'usable' | 'not built yet' | 'forbidden' | 'error shown' | 'timed out';

/** An API call the page made while it opened. */
export interface ObservedCall {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly status: number;
  readonly bytes: number;
  readonly json: boolean;
}

export interface Visit {
  readonly outcome: Outcome;
  /** Navigation start → every ready locator visible, by the page's own clock (performance.now()). */
  readonly usableMs: number;
  /** The navigation's own milestones, for reading where the time went. */
  readonly navigation: { responseEnd: number; domContentLoaded: number; load: number };
  readonly calls: readonly ObservedCall[];
  /** What the page said instead, when it was not usable. */
  readonly message?: string;
}

/**
 * Loads `screen` in `page` (a full navigation) and waits until it is usable, or until it shows the
 * console's "Page not found", its "not for your role", an error alert, or the timeout. The time is
 * the page's performance.now() at the first animation frame where the screen is usable (ready.ts):
 * its origin is the navigation's start, and it is late by at most a frame (≈ 17 ms).
 */
export async function openScreen(page: Page, base: string, screen: ConsoleScreen, ids: SeededIds): Promise<Visit> {
  const pending: Promise<ObservedCall | undefined>[] = [];
  const onResponse = (response: Response) => pending.push(observed(base, response));
  page.on('response', onResponse);
  try {
    await page.goto(`${base}/console${screen.path(ids)}`, { waitUntil: 'commit' });
    const check: ReadyCheck = { ready: screen.ready, notFound: LABELS.notFound, forbidden: LABELS.forbidden };
    const seen = await page
      .waitForFunction(usableNow, check, { polling: 'raf', timeout: USABLE_TIMEOUT_MS })
      .then((handle) => handle.jsonValue())
      .catch(() => undefined);
    const outcome: Outcome = seen?.kind ?? 'timed out';
    const usableMs = seen?.at ?? USABLE_TIMEOUT_MS;
    const message = seen === undefined ? await firstText(page) : seen.kind === 'usable' ? undefined : seen.text;
    return {
      outcome,
      usableMs,
      navigation: await navigationTiming(page),
      calls: (await Promise.all(pending)).filter((call): call is ObservedCall => call !== undefined),
      ...(message === undefined ? {} : { message }),
    };
  } finally {
    page.off('response', onResponse);
  }
}

/** A response of the API (anything but the console's own files), with the size of its body. */
async function observed(base: string, response: Response): Promise<ObservedCall | undefined> {
  const url = new URL(response.url());
  if (url.origin !== new URL(base).origin || url.pathname.startsWith('/console')) return undefined;
  const body = await response.body().catch(() => Buffer.alloc(0));
  return {
    method: response.request().method(),
    url: `${url.pathname}${url.search}`,
    status: response.status(),
    bytes: body.length,
    json: /json/.test(response.headers()['content-type'] ?? ''),
  };
}

async function firstText(page: Page): Promise<string> {
  const alert = page.getByRole('alert').first();
  const text = (await alert.isVisible()) ? await alert.innerText() : await page.getByRole('main').innerText();
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function navigationTiming(page: Page): Promise<Visit['navigation']> {
  return page.evaluate(() => {
    const [entry] = (globalThis as unknown as PageGlobals).performance.getEntriesByType('navigation');
    return {
      responseEnd: entry?.responseEnd ?? Number.NaN,
      domContentLoaded: entry?.domContentLoadedEventEnd ?? Number.NaN,
      load: entry?.loadEventEnd ?? Number.NaN,
    };
  });
}

/** The page's clock, as the scripts run in it use it (the bench is compiled without the DOM's types). */
interface PageGlobals {
  readonly performance: {
    now(): number;
    getEntriesByType(
      type: 'navigation',
    ): { responseEnd: number; domContentLoadedEventEnd: number; loadEventEnd: number }[];
  };
}

/**
 * Run in every page before the console's own script: the language, and the session the sign-in page
 * would have left in sessionStorage (none for the sign-in page itself).
 */
export function startAsSignedIn(session: string | null): void {
  const { sessionStorage, localStorage } = globalThis as unknown as BrowserGlobals;
  if (!localStorage.getItem('kandas.language')) localStorage.setItem('kandas.language', 'ru');
  if (session && !sessionStorage.getItem('kandas.session')) sessionStorage.setItem('kandas.session', session);
}
