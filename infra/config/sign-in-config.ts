import { OIDC_ROLES } from '@libs/auth';
import type { OidcSettings, Role } from '@libs/auth';
import { ConfigError } from './config-error';
import { httpsOrLocalUrl } from './env-url';

/** How officers sign in to the console (ADR 31). */
export interface SignInConfig {
  /** `KANDAS_OIDC_*`: tokens of the ministry's identity provider are taken; absent: none are. */
  readonly oidc?: OidcSettings;
  /**
   * `KANDAS_DEV_SIGN_IN`: `POST /auth/dev-sign-in` exists (anyone picks a role and a user id). On by
   * default outside production, off in production, where `on` refuses the start.
   */
  readonly devSignIn: boolean;
}

const OIDC_VARIABLES = [
  'KANDAS_OIDC_AUDIENCE',
  'KANDAS_OIDC_JWKS_URL',
  'KANDAS_OIDC_ROLE_CLAIM',
  'KANDAS_OIDC_ROLE_MAP',
  'KANDAS_OIDC_USER_CLAIM',
  'KANDAS_OIDC_CLIENT_ID',
  'KANDAS_OIDC_SCOPES',
] as const;

export function signInConfig(env: NodeJS.ProcessEnv): SignInConfig {
  const oidc = oidcSettings(env);
  return { ...(oidc ? { oidc } : {}), devSignIn: devSignIn(env) };
}

function devSignIn(env: NodeJS.ProcessEnv): boolean {
  const name = 'KANDAS_DEV_SIGN_IN';
  const value = env[name]?.trim();
  const production = env.NODE_ENV === 'production';
  if (value === undefined || value === '') return !production;
  if (value !== 'on' && value !== 'off') throw new ConfigError(name, `must be on or off, got "${value}"`);
  if (value === 'on' && production)
    throw new ConfigError(
      name,
      'on is refused in production: the development sign-in lets anyone who reaches the service act in any role',
    );
  return value === 'on';
}

function oidcSettings(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = providerUrl(env, 'KANDAS_OIDC_ISSUER');
  if (!issuer) {
    const stray = OIDC_VARIABLES.find((name) => env[name]?.trim());
    if (stray) throw new ConfigError(stray, 'is set but KANDAS_OIDC_ISSUER is not: set the issuer too, or neither');
    return undefined;
  }
  const audience = token(env, 'KANDAS_OIDC_AUDIENCE');
  if (!audience) throw new ConfigError('KANDAS_OIDC_AUDIENCE', 'is required with KANDAS_OIDC_ISSUER');
  const jwksUrl = providerUrl(env, 'KANDAS_OIDC_JWKS_URL');
  const roleMap = roleMapOf(env, 'KANDAS_OIDC_ROLE_MAP');
  const clientId = token(env, 'KANDAS_OIDC_CLIENT_ID');
  return {
    issuer,
    audience,
    ...(jwksUrl ? { jwksUrl } : {}),
    roleClaim: claimPath(env, 'KANDAS_OIDC_ROLE_CLAIM', 'role'),
    ...(roleMap ? { roleMap } : {}),
    userClaim: claimPath(env, 'KANDAS_OIDC_USER_CLAIM', 'sub'),
    ...(clientId ? { clientId } : {}),
    scopes: scopes(env, 'KANDAS_OIDC_SCOPES'),
  };
}

/**
 * An address of the provider: https, or plain http to this machine (a provider run for tests). The
 * issuer is kept as written, not normalised: `iss` must equal it character for character.
 */
function providerUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const found = httpsOrLocalUrl(env, name);
  if (found && (found.url.search || found.url.hash))
    throw new ConfigError(name, `must have no query and no fragment, got "${found.text}"`);
  return found?.text;
}

/** A client id or an audience: 1–256 visible characters, no space. */
function token(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (!/^[\x21-\x7e]{1,256}$/.test(value))
    throw new ConfigError(name, `must be 1 to 256 visible ASCII characters without spaces, got "${value}"`);
  return value;
}

/** A claim named by a dot path: `role`, `realm_access.roles`, `resource_access.kandas-console.roles`. */
function claimPath(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (value.length > 200 || !/^[^.\s]+(\.[^.\s]+)*$/.test(value))
    throw new ConfigError(name, `must be a claim name or a dot path to one (e.g. realm_access.roles), got "${value}"`);
  return value;
}

/** `kandas-reviewer=reviewer,kandas-admin=admin`: provider role names to officer roles. */
function roleMapOf(env: NodeJS.ProcessEnv, name: string): ReadonlyMap<string, Role> | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  const map = new Map<string, Role>();
  for (const entry of value.split(',').map((part) => part.trim())) {
    const match = /^([^=,\s]+)=([a-z]+)$/.exec(entry);
    if (!match) throw new ConfigError(name, `"${entry}" is not <provider role>=<role> (e.g. kandas-reviewer=reviewer)`);
    const [, providerRole = '', role = ''] = match;
    if (!(OIDC_ROLES as readonly string[]).includes(role))
      throw new ConfigError(
        name,
        `"${role}" is not a role a person signs in with (${OIDC_ROLES.join(', ')}; the portal uses a service token)`,
      );
    if (map.has(providerRole)) throw new ConfigError(name, `"${providerRole}" is mapped twice`);
    map.set(providerRole, role as Role);
  }
  return map;
}

/** Space-separated scope tokens (RFC 6749 §3.3), `openid` among them. */
function scopes(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) return 'openid profile';
  const list = value.split(/ +/);
  if (!list.every((scope) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope)))
    throw new ConfigError(name, `must be scope names separated by spaces, got "${value}"`);
  if (!list.includes('openid')) throw new ConfigError(name, `must include openid, got "${value}"`);
  return list.join(' ');
}
