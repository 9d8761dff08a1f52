/**
 * When a screen is usable, said as CSS selectors the page checks itself on every animation frame.
 *
 * Playwright's own waits (`locator.waitFor`) poll from the driver at growing intervals (0, 20, 50,
 * 100, 100, then every 500 ms): a screen ready at 800 ms was seen at about 1,270 ms, and every figure
 * of the first runs clustered at 1.1–1.2 s for that reason. The check below runs inside the page on
 * `requestAnimationFrame` (Playwright's `polling: 'raf'`) and returns the page's own clock at the
 * first frame where everything holds: late by one frame (≈ 17 ms) at most.
 */
export interface ReadyWhen {
  /** Elements matching this selector… */
  readonly selector: string;
  /** …whose text, trimmed, is exactly this, or matches `pattern` (a RegExp source)… */
  readonly text?: string;
  readonly pattern?: string;
  /** …and at least this many of them visible (1 unless said). */
  readonly count?: number;
}

/** What the page reports once the screen is usable, or once it shows why it will not be. */
export type ReadyOutcome =
  | { readonly kind: 'usable'; readonly at: number }
  | { readonly kind: 'not built yet' | 'forbidden' | 'error shown'; readonly at: number; readonly text: string };

export interface ReadyCheck {
  readonly ready: readonly ReadyWhen[];
  /** The console's "Page not found" and "not for your role", in the language the bench opens it in. */
  readonly notFound: string;
  readonly forbidden: string;
}

/**
 * Runs in the page (serialised by Playwright: no closure, no import). Returns undefined until the
 * screen is usable or shows a reason it will not be, which ends the wait at once.
 */
export function usableNow(check: ReadyCheck): ReadyOutcome | undefined {
  const page = globalThis as unknown as PageDom;
  const { document, performance } = page;
  const visible = (element: PageElement) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && page.getComputedStyle(element).visibility !== 'hidden';
  };
  const textOf = (element: PageElement) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Stops at the count it needs: measuring every row's box on every frame would be work of the
  // check's own, counted in the figure.
  const matches = (when: ReadyWhen) => {
    const pattern = when.pattern === undefined ? undefined : new RegExp(when.pattern);
    const needed = when.count ?? 1;
    let found = 0;
    for (const element of Array.from(document.querySelectorAll(when.selector))) {
      const textFits =
        (when.text === undefined || textOf(element) === when.text) &&
        (pattern === undefined || pattern.test(textOf(element)));
      if (textFits && visible(element) && ++found >= needed) return true;
    }
    return false;
  };
  const at = performance.now();
  if (check.ready.every(matches)) return { kind: 'usable', at };
  const shown = (text: string) =>
    Array.from(document.querySelectorAll('main, [role="alert"]')).some((element) => textOf(element).includes(text));
  if (shown(check.notFound)) return { kind: 'not built yet', at, text: check.notFound };
  if (shown(check.forbidden)) return { kind: 'forbidden', at, text: check.forbidden };
  const alert = Array.from(document.querySelectorAll('[role="alert"]')).find(visible);
  if (alert) return { kind: 'error shown', at, text: textOf(alert).slice(0, 200) };
  return undefined;
}

/** The few DOM members the check uses (the bench is compiled without the DOM's types). */
interface PageElement {
  readonly textContent: string | null;
  getBoundingClientRect(): { width: number; height: number };
}
interface PageDom {
  readonly document: { querySelectorAll(selector: string): ArrayLike<PageElement> };
  readonly performance: { now(): number };
  getComputedStyle(element: PageElement): { visibility: string };
}
