/** A bearer token that proves nothing: malformed, badly signed, of another issuer or audience, expired (401). */
export class InvalidTokenError extends Error {
  readonly code = 'AUTH.INVALID_TOKEN';
}

/**
 * A token of the identity provider, valid, that names no role of this service in its role claim
 * (403: the caller is known, the service has nothing for them).
 */
export class NoKnownRoleError extends Error {
  readonly code = 'AUTH.NO_KNOWN_ROLE';

  constructor(
    readonly claim: string,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * The identity provider's discovery document or key set cannot be fetched (unreachable, an error
 * status, not JSON): nothing can be said of the token, so it is not refused as invalid (503).
 */
export class IdentityProviderUnavailableError extends Error {
  readonly code = 'AUTH.PROVIDER_UNAVAILABLE';
}
