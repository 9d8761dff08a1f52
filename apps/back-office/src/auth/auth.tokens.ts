export const JWT_SETTINGS = Symbol('JwtSettings');
/** The `BearerTokens` the guard verifies with: the service's own, and the identity provider's when configured. */
export const BEARER_TOKENS = Symbol('BearerTokens');
/** The `SignInConfig` of the runtime configuration, for `/auth/config`. */
export const SIGN_IN_CONFIG = Symbol('SignInConfig');
/** The `OidcVerifier`, or null without a provider: `/auth/config` reads the provider's endpoints through its discovery. */
export const OIDC_VERIFIER = Symbol('OidcVerifier');
