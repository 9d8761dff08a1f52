import type { Browser } from 'playwright-core';
import { launchChromium } from '../../test/browser/support/chromium';
import { openScreen, startAsSignedIn, type ObservedCall, type Outcome, type Visit } from './open-screen';
import type { ConsoleScreen } from './screens';
import type { SeededIds } from './seeded-ids';
import type { RunningService } from './service-on-store';

export interface ScreenRun {
  readonly screen: ConsoleScreen;
  /** The first visit's outcome; a screen that is not usable once is not opened again. */
  readonly outcome: Outcome;
  readonly message?: string;
  /** Navigation start → usable, ms: a new browser context each time (nothing cached)… */
  readonly cold: readonly number[];
  /** …and the second visit in that context (the console's files cached, the session kept). */
  readonly warm: readonly number[];
  /** The navigation milestones of every cold visit. */
  readonly coldNavigation: readonly Visit['navigation'][];
  /** Every API call the screen made, over all visits. */
  readonly calls: readonly ObservedCall[];
}

/**
 * Opens every screen `repetitions` times cold and warm, in Chromium, as its officer. Screens are
 * taken in turn within a repetition, so a disturbance of the machine is spread over all of them.
 */
export async function measureScreens(
  screens: readonly ConsoleScreen[],
  service: RunningService,
  ids: SeededIds,
  repetitions: number,
  print: (line: string) => void,
): Promise<{ runs: ScreenRun[]; browserVersion: string }> {
  const browser = await launchChromium();
  const runs = new Map<ConsoleScreen, Omit<ScreenRun, 'outcome'> & { outcome?: Outcome; message?: string }>(
    screens.map((screen) => [screen, { screen, cold: [], warm: [], coldNavigation: [], calls: [] }]),
  );
  try {
    for (let repetition = 1; repetition <= repetitions; repetition++) {
      for (const screen of screens) {
        const run = runs.get(screen)!;
        if (run.outcome !== undefined && run.outcome !== 'usable') continue;
        const [cold, warm] = await visitTwice(browser, service, screen, ids);
        run.outcome ??= cold.outcome;
        if (cold.message !== undefined) run.message ??= cold.message;
        (run.calls as ObservedCall[]).push(...cold.calls, ...(warm?.calls ?? []));
        if (cold.outcome !== 'usable' || !warm) continue;
        (run.cold as number[]).push(cold.usableMs);
        (run.warm as number[]).push(warm.usableMs);
        (run.coldNavigation as Visit['navigation'][]).push(cold.navigation);
      }
      print(`  repetition ${repetition}/${repetitions} done`);
    }
    return {
      runs: [...runs.values()].map((run) => ({ ...run, outcome: run.outcome ?? 'timed out' })),
      browserVersion: browser.version(),
    };
  } finally {
    await browser.close();
  }
}

/** A fresh context (empty cache, new tab), the screen opened cold, then opened again in the same tab. */
async function visitTwice(
  browser: Browser,
  service: RunningService,
  screen: ConsoleScreen,
  ids: SeededIds,
): Promise<[Visit, Visit | undefined]> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    timezoneId: 'Asia/Almaty',
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
  try {
    const session = screen.role && service.session(screen.role, screen.actor?.(ids) ?? `${screen.role}-1`);
    await context.addInitScript(startAsSignedIn, session);
    const page = await context.newPage();
    const cold = await openScreen(page, service.base, screen, ids);
    if (cold.outcome !== 'usable') return [cold, undefined];
    return [cold, await openScreen(page, service.base, screen, ids)];
  } finally {
    await context.close();
  }
}
