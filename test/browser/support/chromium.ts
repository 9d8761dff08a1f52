import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Debian's package (Playwright's own download cannot work here, ../shared/notes/browser-and-documents.md). */
export const CHROMIUM = process.env.KANDAS_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Chromium, headless, as the probe of this machine starts it: no sandbox (everything runs as root),
 * and none of the background traffic a closed network refuses. A missing browser is one clear line,
 * never a skipped test.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's package (as root: apt-get install -y chromium) or set KANDAS_CHROMIUM to a Chromium binary`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--font-render-hinting=none',
    ],
  });
}
