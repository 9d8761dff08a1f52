import type { Role } from './actor';
import { ROLES } from './actor';
import { InvalidTokenError, NoKnownRoleError } from './token-errors';

/**
 * The roles a token of the identity provider may carry: every officer role. `portal` is the eGov
 * portal's machine account, which signs in with a service token (the CLI's `token`), never as a
 * person through the ministry's provider (ADR 31).
 */
export const OIDC_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'portal');

/** The ministry's identity provider (ADR 31), as read from `KANDAS_OIDC_*` (infra/config/oidc-config.ts). */
export interface OidcSettings {
  /** `KANDAS_OIDC_ISSUER`, exactly as the provider writes it in `iss` (no slash added or removed). */
  readonly issuer: string;
  /** `KANDAS_OIDC_AUDIENCE`: what `aud` must hold. */
  readonly audience: string;
  /** `KANDAS_OIDC_JWKS_URL`; absent: the discovery document's `jwks_uri`. */
  readonly jwksUrl?: string;
  /** `KANDAS_OIDC_ROLE_CLAIM`: a dot path (`realm_access.roles`) to a string or a list of strings. */
  readonly roleClaim: string;
  /** `KANDAS_OIDC_ROLE_MAP`: provider role name → ours; when set, only the names it lists count. */
  readonly roleMap?: ReadonlyMap<string, Role>;
  /** `KANDAS_OIDC_USER_CLAIM`: a dot path to the user id the events record as their actor (default `sub`). */
  readonly userClaim: string;
  /** `KANDAS_OIDC_CLIENT_ID`: the console's public client, served to the console by `/auth/config`. */
  readonly clientId?: string;
  /** `KANDAS_OIDC_SCOPES`: what the console asks for (default `openid profile`). */
  readonly scopes: string;
}

/** The longest user id taken from a token: it becomes the actor of every event the user causes. */
const MAX_USER_ID = 256;

/** The value at a dot path of the claims, through own properties only (`__proto__` names nothing). */
export function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = claims;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, segment))
      return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * The role a valid token of the provider acts in: the first value of the role claim (a string or a
 * list of strings) that names an officer role — through the role map when there is one.
 */
export function roleOfClaims(claims: Readonly<Record<string, unknown>>, settings: OidcSettings): Role {
  const value = claimAt(claims, settings.roleClaim);
  const names = (Array.isArray(value) ? value : [value]).filter((name): name is string => typeof name === 'string');
  const { roleMap } = settings;
  for (const name of names) {
    const role = roleMap ? roleMap.get(name) : OIDC_ROLES.find((known) => known === name);
    if (role) return role;
  }
  const found =
    names.length === 0
      ? 'no name'
      : names
          .slice(0, 10)
          .map((name) => JSON.stringify(name.slice(0, 64)))
          .join(', ');
  const wanted = roleMap
    ? `a provider role of KANDAS_OIDC_ROLE_MAP (${[...roleMap.keys()].join(', ')})`
    : `one of ${OIDC_ROLES.join(', ')}`;
  throw new NoKnownRoleError(
    settings.roleClaim,
    `the claim ${settings.roleClaim} names no role of this service: it holds ${found}, where ${wanted} is needed`,
  );
}

/** The user id of a valid token of the provider: a non-empty string at the user claim. */
export function userOfClaims(claims: Readonly<Record<string, unknown>>, settings: OidcSettings): string {
  const value = claimAt(claims, settings.userClaim);
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_USER_ID)
    throw new InvalidTokenError(
      `the claim ${settings.userClaim} must hold the user id, a string of 1 to ${MAX_USER_ID} characters`,
    );
  return value;
}
