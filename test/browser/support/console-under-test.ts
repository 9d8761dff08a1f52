import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '@libs/auth';
import { E2eApp } from '../../e2e/support/e2e-app';
import type { E2eOptions } from '../../e2e/support/e2e-app';
import { launchChromium } from './chromium';

export const REPO = resolve(__dirname, '..', '..', '..');
export const CONSOLE_BUILD = join(REPO, 'dist', 'console', 'index.html');
/** The screenshots the browser tests take: the README and the acceptance show them. */
export const SCREENSHOTS = join(REPO, 'docs', 'console');

/** What the scripts run in the page use of it (the tests are compiled without the DOM's types). */
interface BrowserStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
export interface BrowserGlobals {
  readonly sessionStorage: BrowserStorage;
  readonly localStorage: BrowserStorage;
  readonly document: { readonly body: { readonly innerText: string } };
}

export type ConsoleLanguage = 'ru' | 'kk' | 'en';
export type OfficerRole = Exclude<Role, 'portal'>;

/**
 * The console as an officer meets it: the real back office (HTTP server, guards, workflow,
 * subscriptions) on SQLite files, listening on a port, with the built console (`npm run build`)
 * served at /console, and Chromium driving it. The server's clock is the test's; each page's clock is
 * fixed to it, so what the page computes from "now" agrees with the server.
 */
export class ConsoleUnderTest {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly e: E2eApp,
    readonly base: string,
    private readonly browser: Browser,
  ) {}

  static async start(options: E2eOptions = { recordQuotaOrders: true }): Promise<ConsoleUnderTest> {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error(`No console build at ${CONSOLE_BUILD}: run \`npm run build\` (npm test does) first`);
    const browser = await launchChromium();
    const e = await E2eApp.start(options);
    await e.app.listen(0, '127.0.0.1');
    const { port } = e.app.getHttpServer().address() as AddressInfo;
    return new ConsoleUnderTest(e, `http://127.0.0.1:${port}`, browser);
  }

  /**
   * A browser tab signed in as this officer (the session the sign-in page would keep, with a token the
   * server minted), in this language, opened at `path` under /console.
   */
  async as(
    role: OfficerRole,
    id = `${role}-1`,
    language: ConsoleLanguage = 'ru',
    path = '/',
    // A working day's token; a test that moves the clock by weeks under an open tab asks for longer.
    ttlSeconds = 8 * 3600,
  ): Promise<Page> {
    const context = await this.context(language);
    const session = {
      token: this.e.token(role, id, ttlSeconds),
      actor: { id, role },
      expiresAt: new Date(this.e.clock.now().getTime() + ttlSeconds * 1000).toISOString(),
    };
    await context.addInitScript((value: string) => {
      const { sessionStorage } = globalThis as unknown as BrowserGlobals;
      if (!sessionStorage.getItem('kandas.session')) sessionStorage.setItem('kandas.session', value);
    }, JSON.stringify(session));
    const page = await context.newPage();
    await page.goto(`${this.base}/console${path}`);
    return page;
  }

  /** A tab nobody signed in to (the sign-in page). */
  async anonymous(language: ConsoleLanguage = 'ru', path = '/'): Promise<Page> {
    const page = await (await this.context(language)).newPage();
    await page.goto(`${this.base}/console${path}`);
    return page;
  }

  /** Moves the server's clock (firing what fell due) and every open page's with it. */
  async advanceTo(instant: string): Promise<void> {
    await this.e.advanceTo(instant);
    for (const context of this.contexts) await context.clock.setFixedTime(this.e.clock.now());
  }

  private async context(language: ConsoleLanguage): Promise<BrowserContext> {
    const context = await this.browser.newContext({
      locale: { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' }[language],
      timezoneId: 'Asia/Almaty',
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
    });
    await context.clock.setFixedTime(this.e.clock.now());
    await context.addInitScript((value: string) => {
      const { localStorage } = globalThis as unknown as BrowserGlobals;
      if (!localStorage.getItem('kandas.language')) localStorage.setItem('kandas.language', value);
    }, language);
    this.contexts.push(context);
    return context;
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.e.close();
  }
}

/** Saves what the officer sees, as docs/console/<language>/<name>.png. */
export async function screenshot(page: Page, name: string, language: ConsoleLanguage): Promise<string> {
  const folder = join(SCREENSHOTS, language);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  // A full-page capture scrolls under the fixed header and paints it mid-page: instead, the window is
  // made as tall as the page for the capture, then put back.
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement
        .scrollHeight,
  );
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  await page.setViewportSize(viewport);
  return path;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
  readonly targets: string[];
}

/**
 * axe-core over the whole page (WCAG 2.x A and AA rules and best practices): the violations, every
 * impact. A test expects none that is serious or critical (`seriousOrCritical`).
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the console's CSP (no inline script) does not stop.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as BrowserGlobals & {
      axe: {
        run: (
          context: unknown,
          options: object,
        ) => Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
        }>;
      };
    };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.length,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
}

export const seriousOrCritical = (violations: readonly AxeViolation[]) =>
  violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
