/**
 * Every screen of the console the benchmark opens, as data: who opens it, where, how to tell it is
 * usable, and the API calls it needs. A screen whose route answers with the console's "Page not
 * found" is reported as not built yet and skipped; its calls are still timed from the server's side.
 *
 * `ready`: what must be visible for an officer to work, as CSS selectors (ready.ts) — the screen's
 * own heading (each screen has one `<Title order={2}>`) and at least one row of its data, or a
 * `data-testid` the screen sets.
 */
import type { OfficerRole } from '../../test/browser/support/console-under-test';
import { common } from '../../apps/console/src/i18n/common';
import type { ReadyWhen } from './ready';
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
  /** Usable when every one of these holds (checked by the page itself on each frame: ready.ts). */
  readonly ready: readonly ReadyWhen[];
  /** GET calls (path and query) the screen makes when it opens, timed from the server's side even before it exists. */
  readonly calls: (ids: SeededIds) => readonly string[];
  /** GET calls its buttons make (a verification, a download): timed too, but not part of opening the screen. */
  readonly actions?: (ids: SeededIds) => readonly string[];
}

/** The console's labels in Russian, the language the benchmark opens it in. */
export const LABELS = common.ru;

/** The screen's own heading (the header's product name is an h1, outside <main>). */
const heading: ReadyWhen = { selector: 'main h2' };
/** A row of a table body in the screen: data, not the header. */
const firstRow: ReadyWhen = { selector: 'main tbody tr' };
const listReady = [heading, firstRow];
const testId = (id: string): ReadyWhen => ({ selector: `[data-testid="${id}"]` });
/** A row of the shared applications table (queues, search): only the tab on show fetches its queue. */
const applicationsReady = [heading, testId('application-row')];
const q = encodeURIComponent;

export const SCREENS: readonly ConsoleScreen[] = [
  {
    name: 'sign-in',
    role: null,
    path: () => '/sign-in',
    ready: [
      { selector: 'h1, h2, h3', text: LABELS.signIn.title },
      { selector: 'button', pattern: `^(${LABELS.signIn.submit}|${LABELS.signIn.oidc})$` },
    ],
    calls: () => ['/auth/config'],
  },
  {
    name: 'shell (signed in, the role’s sections)',
    role: 'reviewer',
    path: () => '/',
    ready: [{ selector: 'nav a' }, testId('signed-in-as')],
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
    ready: [heading, testId('documents'), testId('history')],
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
    ready: [heading, testId('sla-board'), testId('sla-weeks')],
    calls: (ids) => [`/dashboard/sla?year=${ids.year}`, `/dashboard/sla/weeks?year=${ids.year}&limit=200`],
  },
  {
    name: 'supervisor · escalated queue',
    role: 'supervisor',
    path: () => '/escalated',
    ready: applicationsReady,
    calls: () => ['/queues/supervisors'],
  },
  // Issue 20: the seed may hold no proposed refusal nor open complaint yet, so these two are usable
  // once their list shows its table or says in words that it has none.
  {
    name: 'reviewer · hearings',
    role: 'reviewer',
    path: () => '/hearings',
    ready: [heading, { selector: 'main table, main [data-testid="empty"]' }],
    calls: () => ['/queues/hearings', '/reference/refusal-grounds'],
  },
  {
    name: 'supervisor · hearings',
    role: 'supervisor',
    path: () => '/hearings',
    ready: [heading, { selector: 'main table, main [data-testid="empty"]' }],
    calls: () => ['/queues/hearings', '/reference/refusal-grounds'],
  },
  {
    name: 'supervisor · complaints',
    role: 'supervisor',
    path: () => '/complaints',
    ready: [heading, { selector: 'main table, main [data-testid="empty"]' }],
    calls: () => ['/queues/complaints'],
  },
  {
    name: 'admin · quotas',
    role: 'admin',
    path: () => '/quotas',
    ready: [heading, testId('quota-totals'), firstRow],
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
    // A healthy store may have no incident to list: usable once each of its three lists shows its
    // table or says in words that it has none.
    ready: [heading, { selector: 'main table, main [data-testid="empty"]', count: 3 }],
    calls: () => ['/admin/dead-letters?limit=50', '/admin/notices?limit=50'],
  },
  {
    name: 'operator · health and lag',
    role: 'operator',
    path: () => '/health',
    ready: [heading, testId('readiness'), { selector: 'main [data-testid^="subscription-"]' }],
    calls: () => ['/health/ready', '/admin/subscriptions'],
  },
  {
    name: 'auditor · application timeline',
    role: 'auditor',
    path: (ids) => `/audit/applications/${ids.applicationId}`,
    // The timeline is a list of its events (role="list" on Mantine's Timeline).
    ready: [heading, testId('state-status'), { selector: 'main [role="listitem"]' }],
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
    ready: [heading, { selector: 'main button' }],
    calls: () => ['/audit/checkpoints/latest'],
    actions: () => ['/audit/verify'],
  },
  {
    name: 'auditor · exports',
    role: 'auditor',
    path: () => '/audit/exports',
    ready: [heading, { selector: 'main button' }],
    calls: () => [],
    actions: (ids) => [
      `/audit/export?stream=application-${ids.applicationId}`,
      `/audit/export?from=${ids.year}-03-01T00:00:00%2B05:00&to=${ids.year}-04-01T00:00:00%2B05:00`,
    ],
  },
];
