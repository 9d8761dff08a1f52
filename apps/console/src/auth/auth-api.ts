import { ApiProblem } from '../api/problem';
import type { ConsoleRole, Session } from './session';

// TODO(i19-auth merge): these three calls move to the typed client once /auth/* is in openapi.d.ts.
interface AuthConfig {
  mode: 'oidc' | 'development';
  issuer?: string;
  clientId?: string;
  scopes?: string;
}

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) throw ApiProblem.from(response, body);
  return body as T;
}

/** How the back office lets officers in: its identity provider, or (outside production) a developer's pick. */
export function authConfig(): Promise<AuthConfig> {
  return json<AuthConfig>('/auth/config');
}

/** Development only: the back office mints a token for the chosen role and user (404 in production). */
export async function developmentSignIn(role: ConsoleRole, userId: string): Promise<Session> {
  return json<Session>('/auth/dev-sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, userId }),
  });
}

/** Who a provider's token is, as the back office reads it (its role claim mapped to ours). */
export function whoAmI(token: string): Promise<{ id: string; role: string }> {
  return json('/auth/me', { headers: { Authorization: `Bearer ${token}` } });
}
