import type { OfficerRole } from '../../test/browser/support/console-under-test';
import type { ScreenRun } from './measure-screens';
import type { SeededIds } from './seeded-ids';

/** One GET to time from the server's side, with the screens that make it. */
export interface CallToTime {
  /** As sent, ids and all. */
  readonly url: string;
  /** With the seeded ids replaced by their names (`/applications/{applicationId}`): the same across stores. */
  readonly label: string;
  /** Whose token it carries (none for the sign-in page's calls). */
  readonly role: OfficerRole | null;
  readonly actor: string | null;
  /** `opens`: made while the screen opens (part of "usable"); `action`: made by one of its buttons. */
  readonly kind: 'opens' | 'action';
  readonly screens: string[];
  /** Whether Chromium saw the screen make it (a screen not built yet only declares its calls). */
  observed: boolean;
}

/** The calls each screen declares, and the GETs the browser saw it make, once per role and address. */
export function callsToTime(runs: readonly ScreenRun[], ids: SeededIds): CallToTime[] {
  const calls = new Map<string, CallToTime>();
  const add = (run: ScreenRun, url: string, kind: CallToTime['kind'], observed: boolean) => {
    const { screen } = run;
    const key = `${screen.role ?? ''} ${url}`;
    const known = calls.get(key);
    if (known) {
      if (!known.screens.includes(screen.name)) known.screens.push(screen.name);
      known.observed ||= observed;
      return;
    }
    const actor = screen.role && (screen.actor?.(ids) ?? `${screen.role}-1`);
    calls.set(key, { url, label: labelOf(url, ids), role: screen.role, actor, kind, screens: [screen.name], observed });
  };
  for (const run of runs) {
    for (const url of run.screen.calls(ids)) add(run, url, 'opens', false);
    for (const call of run.calls) if (call.method === 'GET') add(run, call.url, 'opens', true);
    for (const url of run.screen.actions?.(ids) ?? []) add(run, url, 'action', false);
  }
  return [...calls.values()];
}

/** The address with the seeded ids named, so that reports of two stores compare call by call. */
export function labelOf(url: string, ids: SeededIds): string {
  return url
    .replaceAll(ids.applicationId, '{applicationId}')
    .replaceAll(ids.iin, '{iin}')
    .replaceAll(encodeURIComponent(ids.name), '{name}')
    .replaceAll(ids.name, '{name}')
    .replace(/\b(revision|to)=(\d+)\b/g, (whole, name: string, value: string) =>
      Number(value) === ids.revision ? `${name}={revision}` : whole,
    );
}
