import { useSyncExternalStore } from 'react';

export const ROLES = ['reviewer', 'supervisor', 'admin', 'operator', 'auditor', 'payments'] as const;
/** The roles that work in the console (the portal is a machine, not an officer). */
export type ConsoleRole = (typeof ROLES)[number];

export interface Session {
  readonly token: string;
  readonly actor: { readonly id: string; readonly role: ConsoleRole };
  /** ISO instant after which the token is refused. */
  readonly expiresAt: string;
}

/**
 * The signed-in officer, kept in sessionStorage: it ends with the tab, as a shared office computer
 * needs, and a reload keeps it. The API checks the token on every call; this only decides what to show.
 */
const KEY = 'kandas.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function read(): Session | null {
  if (cached !== undefined) return cached;
  try {
    const raw = window.sessionStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Session) : null;
    cached = parsed && Date.parse(parsed.expiresAt) > Date.now() ? parsed : null;
  } catch {
    cached = null;
  }
  return cached;
}

function publish(next: Session | null): void {
  cached = next;
  if (next) window.sessionStorage.setItem(KEY, JSON.stringify(next));
  else window.sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export const currentSession = (): Session | null => read();
export const signIn = (session: Session): void => publish(session);
export const signOut = (): void => publish(null);

export function useSession(): Session | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, read);
}
