import { IdentityProviderUnavailableError, InvalidTokenError, NoKnownRoleError } from '@libs/auth';
import { HttpProblem, problem } from '../http/problem';

/** 401 with the challenge RFC 6750 asks for. */
export function unauthenticated(detail: string): HttpProblem {
  return new HttpProblem(problem(401, 'AUTH.UNAUTHENTICATED', 'Authentication required', detail), {
    'WWW-Authenticate': 'Bearer realm="kandas"',
  });
}

/** The identity provider's discovery or key set cannot be fetched: 503, never a 401 (the token may well be good). */
export function providerUnavailable(error: IdentityProviderUnavailableError, what: string): HttpProblem {
  return new HttpProblem(
    problem(503, error.code, 'The identity provider cannot be reached', `${what}: ${error.message}. Retry later.`),
    { 'Retry-After': '30' },
  );
}

/**
 * A refused bearer token as a problem: invalid 401 with the reason, valid but naming no role of ours
 * 403 naming the claim, provider unreachable 503; anything else is not a refusal and is rethrown.
 */
export function tokenProblem(error: unknown): unknown {
  if (error instanceof InvalidTokenError) return unauthenticated(`The token is not valid: ${error.message}`);
  if (error instanceof NoKnownRoleError)
    return new HttpProblem(
      problem(403, error.code, 'No role of this service', `The token is valid, but ${error.message}`),
    );
  if (error instanceof IdentityProviderUnavailableError)
    return providerUnavailable(error, 'The token cannot be checked now');
  return error;
}
