import { api, data } from '../api/client';
import type { ConsoleRole, Session } from './session';

/** How the back office lets officers in: its identity provider, and (outside production) a developer's pick. */
export function authConfig() {
  return data(api.GET('/auth/config'));
}

/** Development only: the back office mints a token for the chosen role and user (404 in production). */
export async function developmentSignIn(role: ConsoleRole, userId: string): Promise<Session> {
  const answer = await data(api.POST('/auth/dev-sign-in', { body: { role, userId } }));
  return {
    token: answer.token,
    expiresAt: answer.expiresAt,
    actor: { id: answer.actor.id, role: answer.actor.role as ConsoleRole },
  };
}

/** Who a provider's token is, as the back office reads it (its role claim mapped to ours). */
export function whoAmI(token: string) {
  return data(api.GET('/auth/me', { headers: { Authorization: `Bearer ${token}` } }));
}
