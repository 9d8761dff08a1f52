import createClient from 'openapi-fetch';
import type { Middleware } from 'openapi-fetch';
import type { paths } from './openapi';
import { currentSession, signOut } from '../auth/session';
import { currentLanguage } from '../i18n';
import { ApiProblem } from './problem';

/**
 * The one way the console reaches the back office: `openapi-fetch` typed by the generated
 * `openapi.d.ts` (ADR 30), so a path, a parameter or a field the API does not have is a type error.
 */
export const api = createClient<paths>({ baseUrl: window.location.origin });

/** The officer's token and language on every request. */
export const bearerAndLanguage: Middleware = {
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
  onResponse({ response }) {
    // An expired or revoked token: back to sign-in rather than a screen of errors.
    if (response.status === 401 && currentSession()) signOut();
    return response;
  },
};
api.use(bearerAndLanguage);

/** The data of an answer, or the problem it carried thrown as an `ApiProblem` (for react-query to show). */
export async function data<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  const { data: body, error, response } = await call;
  if (error !== undefined || !response.ok) throw ApiProblem.from(response, error);
  return body as NonNullable<T>;
}
