/**
 * Every screen of the console the benchmark opens, as data: who opens it, where, how to tell it is
 * usable, and the API calls it needs. A screen whose route answers with the console's "Page not
 * found" is reported as not built yet and skipped; its calls are still timed from the server's side.
 *
 * `ready`: Playwright locators that must all be visible for an officer to work — the screen's own
 * heading (each screen has one `<Title order={2}>`) and at least one row of its data, or a
 * `data-testid` the screen sets. The reviewer's and supervisor's entries follow their screens as
 * built.
 */
import type { Locator, Page } from 'playwright-core';
import type { OfficerRole } from '../../test/browser/support/console-under-test';
import { common } from '../../apps/console/src/i18n/common';
import type { SeededIds } from './seeded-ids';

export interface ConsoleScreen {
  /** As the report names it: `<role> · <screen>`. */
  readonly name: string;
  /** null: nobody is signed in (the sign-in page). */
  readonly role: OfficerRole | null;
  /** Who is signed in: `<role>-1` unless the screen needs one of the seeded officers. */
  readonly actor?: (ids: SeededIds) => string;
  /** The address under /console. */
  readonly path: (ids: SeededIds) => string;
  /** Usable when every one of these is visible. */
  readonly ready: (page: Page, ids: SeededIds) => readonly Locator[];
  /** GET calls (path and query) the screen makes when it opens, timed from the server's side even before it exists. */
  readonly calls: (ids: SeededIds) => readonly string[];
  /** GET calls its buttons make (a verification, a download): timed too, but not part of opening the screen. */
  readonly actions?: (ids: SeededIds) => readonly string[];
}

/** The console's labels in Russian, the language the benchmark opens it in. */
export const LABELS = common.ru;

const main = (page: Page) => page.getByRole('main');
/** The screen's own heading (the header's product name is an h1, outside <main>). */
const heading = (page: Page) => main(page).getByRole('heading', { level: 2 }).first();
/** The first row of the screen's table body: data, not the header . */
const firstRow = (page: Page) => main(page).locator('tbody tr').first();
const listReady = (page: Page) => [heading(page), firstRow(page)];
/**
 * A row of the shared applications table (queues, search). Only the tab on show fetches its queue,
 * so the first row is in it; `filter({ visible: true })` would make Playwright measure every row's
 * box on each check, work in the page's own thread that would count in the figure.
 */
const applicationRow = (page: Page) => page.getByTestId('application-row').first();
const applicationsReady = (page: Page) => [heading(page), applicationRow(page)];
const q = encodeURIComponent;

export const SCREENS: readonly ConsoleScreen[] = [
  {
    name: 'sign-in',
    role: null,
    path: () => '/sign-in',
    ready: (page) => [
      page.getByRole('heading', { name: LABELS.signIn.title }),
      page.getByRole('button', { name: new RegExp(`^(${LABELS.signIn.submit}|${LABELS.signIn.oidc})$`) }),
    ],
    calls: () => ['/auth/config'],
  },
  {
    name: 'shell (signed in, the role’s sections)',
    role: 'reviewer',
    path: () => '/',
    ready: (page) => [page.getByRole('navigation').getByRole('link').first(), page.getByTestId('signed-in-as')],
    calls: () => [],
  },
  {
    name: 'reviewer · my queue',
    role: 'reviewer',
    actor: (ids) => ids.reviewerId,
    path: () => '/queue',
    ready: applicationsReady,
    calls: () => ['/queues/mine'],
  },
  {
    name: 'reviewer · unassigned queue',
    role: 'reviewer',
    actor: (ids) => ids.reviewerId,
    path: () => '/queue?queue=unassigned',
    ready: applicationsReady,
    calls: () => ['/queues/unassigned'],
  },
  {
    name: 'reviewer · search by IIN',
    role: 'reviewer',
    path: (ids) => `/search?q=${ids.iin}`,
    ready: applicationsReady,
    calls: (ids) => [`/applications?iin=${ids.iin}`],
  },
  {
    name: 'reviewer · search by name',
    role: 'reviewer',
    path: (ids) => `/search?q=${q(ids.name)}`,
    ready: applicationsReady,
    calls: (ids) => [`/applications?name=${q(ids.name)}`],
  },
  {
    name: 'reviewer · application page',
    role: 'reviewer',
    actor: (ids) => ids.reviewerId,
    path: (ids) => `/applications/${ids.applicationId}`,
    ready: (page) => [heading(page), page.getByTestId('documents'), page.getByTestId('history')],
    calls: (ids) => [
      `/applications/${ids.applicationId}`,
      `/audit/applications/${ids.applicationId}/history`,
      '/reference/refusal-grounds',
    ],
  },
  {
    name: 'supervisor · SLA board',
    role: 'supervisor',
    path: () => '/sla',
    ready: (page) => [heading(page), page.getByTestId('sla-board'), page.getByTestId('sla-weeks')],
    calls: (ids) => [`/dashboard/sla?year=${ids.year}`, `/dashboard/sla/weeks?year=${ids.year}&limit=200`],
  },
  {
    name: 'supervisor · escalated queue',
    role: 'supervisor',
    path: () => '/escalated',
    ready: applicationsReady,
    calls: () => ['/queues/supervisors'],
  },
  {
    name: 'admin · quotas',
    role: 'admin',
    path: () => '/quotas',
    ready: (page) => [heading(page), page.getByTestId('quota-totals'), firstRow(page)],
    calls: (ids) => [`/quotas?year=${ids.year}&limit=100`],
  },
  {
    name: 'admin · the law in force',
    role: 'admin',
    path: () => '/law',
    ready: listReady,
    calls: (ids) => [
      `/reference/calendar/${ids.year}`,
      '/reference/mci',
      '/reference/rent-rates',
      '/reference/refusal-grounds',
      '/reference/sla-policy',
      '/audit/timeliness-changes?limit=50',
      '/reference/amendments',
    ],
  },
  {
    name: 'operator · incidents',
    role: 'operator',
    path: () => '/incidents',
    // A healthy store has no incident to list: usable once its three lists have answered (no status left).
    ready: (page) => [heading(page), main(page).getByRole('table').first()],
    calls: () => ['/admin/dead-letters?limit=50', '/admin/notices?limit=50'],
  },
  {
    name: 'operator · health and lag',
    role: 'operator',
    path: () => '/health',
    ready: (page) => [
      heading(page),
      page.getByTestId('readiness'),
      main(page).locator('[data-testid^="subscription-"]').first(),
    ],
    calls: () => ['/health/ready', '/admin/subscriptions'],
  },
  {
    name: 'auditor · application timeline',
    role: 'auditor',
    path: (ids) => `/audit/applications/${ids.applicationId}`,
    ready: (page) => [heading(page), page.getByTestId('state-status'), main(page).getByRole('listitem').first()],
    calls: (ids) => [
      `/audit/applications/${ids.applicationId}/history`,
      `/audit/applications/${ids.applicationId}/as-of?revision=${ids.revision}`,
      `/audit/applications/${ids.applicationId}/diff?from=0&to=${ids.revision}`,
    ],
  },
  {
    name: 'auditor · verify',
    role: 'auditor',
    path: () => '/audit/verify',
    ready: (page) => [heading(page), main(page).getByRole('button').first()],
    calls: () => ['/audit/checkpoints/latest'],
    actions: () => ['/audit/verify'],
  },
  {
    name: 'auditor · exports',
    role: 'auditor',
    path: () => '/audit/exports',
    ready: (page) => [heading(page), main(page).getByRole('button').first()],
    calls: () => [],
    actions: (ids) => [
      `/audit/export?stream=application-${ids.applicationId}`,
      `/audit/export?from=${ids.year}-03-01T00:00:00%2B05:00&to=${ids.year}-04-01T00:00:00%2B05:00`,
    ],
  },
];
