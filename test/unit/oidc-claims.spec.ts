import { claimAt, NoKnownRoleError, roleOfClaims, userOfClaims } from '@libs/auth';
import type { OidcSettings } from '@libs/auth';

/** The role and the user a valid token of the identity provider acts as (ADR 31). */
const settings = (overrides: Partial<OidcSettings> = {}): OidcSettings => ({
  issuer: 'https://idp.enbek.kz/realms/kandas',
  audience: 'kandas',
  roleClaim: 'realm_access.roles',
  userClaim: 'sub',
  scopes: 'openid profile',
  ...overrides,
});

describe('the role claim', () => {
  it('reads a dot path through own properties only: nothing is found on the prototype', () => {
    const claims = JSON.parse('{"realm_access":{"roles":["reviewer"]},"__proto__":{"role":"admin"}}') as Record<
      string,
      unknown
    >;
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['reviewer']);
    expect(claimAt(claims, 'realm_access.roles.length')).toBeUndefined();
    expect(claimAt(claims, 'constructor')).toBeUndefined();
    expect(claimAt(claims, 'realm_access.toString')).toBeUndefined();
    expect(claimAt(claims, '__proto__.role')).toBe('admin'); // an own key named so, from the JSON: data, not the prototype
  });

  it('takes the first value naming an officer role, from a list or a single string, skipping what is not a string', () => {
    expect(roleOfClaims({ realm_access: { roles: [7, null, 'offline_access', 'auditor', 'admin'] } }, settings())).toBe(
      'auditor',
    );
    expect(roleOfClaims({ role: 'supervisor' }, settings({ roleClaim: 'role' }))).toBe('supervisor');
  });

  it('never grants portal, the machine account: a person of the provider is an officer', () => {
    expect(() => roleOfClaims({ realm_access: { roles: ['portal'] } }, settings())).toThrow(NoKnownRoleError);
  });

  it('with a map, takes only the names it lists', () => {
    const mapped = settings({ roleMap: new Map([['kandas-admin', 'admin'] as const]) });
    expect(roleOfClaims({ realm_access: { roles: ['admin', 'kandas-admin'] } }, mapped)).toBe('admin');
    expect(() => roleOfClaims({ realm_access: { roles: ['admin'] } }, mapped)).toThrow(
      'the claim realm_access.roles names no role of this service: it holds "admin", where a provider role of KANDAS_OIDC_ROLE_MAP (kandas-admin) is needed',
    );
  });

  it('names the claim and says it held nothing when it is absent', () => {
    expect(() => roleOfClaims({}, settings())).toThrow(
      'the claim realm_access.roles names no role of this service: it holds no name, where one of operator, reviewer, supervisor, auditor, admin, payments is needed',
    );
  });
});

describe('the user claim', () => {
  it('is a string of 1 to 256 characters', () => {
    expect(userOfClaims({ sub: 'f3b0c2d4' }, settings())).toBe('f3b0c2d4');
    for (const sub of ['', 'x'.repeat(257), 42, undefined])
      expect(() => userOfClaims({ sub }, settings())).toThrow('the claim sub must hold the user id');
  });
});
