import { createHash, randomBytes } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { TestClock } from '@libs/testing';
import { OidcTestProvider } from '../support/oidc-provider';
import { E2E_START, E2eApp } from './support/e2e-app';
import { expectProblem } from './support/problems';

/**
 * Tokens of the ministry's identity provider (ADR 31), against an OpenID Connect provider run in the
 * test process: verified with jose against its key set, the role read from a claim, the service's
 * own tokens still taken. The provider and the service read one clock, which the tests move.
 */
const SECRET = 's'.repeat(48);

interface Started {
  readonly e: E2eApp;
  readonly provider: OidcTestProvider;
  readonly logs: string[];
}

async function startWithProvider(env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const clock = new TestClock(E2E_START);
  const provider = await OidcTestProvider.start({ clock });
  const logs: string[] = [];
  const keep = (message: unknown) => void logs.push(String(message));
  const logger: LoggerService = { log: keep, error: keep, warn: keep, debug: keep, verbose: keep };
  const e = await E2eApp.start({
    clock,
    logger,
    env: {
      KANDAS_JWT_SECRET: SECRET,
      KANDAS_OIDC_ISSUER: provider.issuer,
      KANDAS_OIDC_AUDIENCE: provider.audience,
      KANDAS_OIDC_ROLE_CLAIM: 'realm_access.roles',
      KANDAS_OIDC_CLIENT_ID: provider.clientId,
      ...env,
    },
  });
  return { e, provider, logs };
}

async function stop({ e, provider }: Started): Promise<void> {
  await e.close();
  await provider.close();
}

const bearer = (token: string) => `Bearer ${token}`;

describe('tokens of the identity provider', () => {
  let started: Started;
  let e: E2eApp;
  let provider: OidcTestProvider;
  beforeAll(async () => ({ e, provider } = started = await startWithProvider()));
  afterAll(() => stop(started));

  const me = (token: string) => e.http.get('/auth/me').set('Authorization', bearer(token));
  const expect401 = async (token: string, reason: string | RegExp) => {
    const response = await me(token);
    expectProblem(response, 401, 'AUTH.UNAUTHENTICATED');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="kandas"');
    expect(response.body.detail).toMatch(reason);
  };

  it('takes a token of the provider, the role from a nested list claim, the user from sub', async () => {
    const token = await provider.mint({ sub: 'officer-17', realm_access: { roles: ['offline_access', 'reviewer'] } });
    expect((await me(token).expect(200)).body).toEqual({
      id: 'officer-17',
      role: 'reviewer',
      seesPersonalDataInClear: true,
    });
    await e.http.get('/queues/mine').set('Authorization', bearer(token)).expect(200);
  });

  it('fetched the discovery document and the key set once, for every token since', async () => {
    for (const role of ['auditor', 'admin', 'supervisor'])
      await me(await provider.mint({ sub: `${role}-7`, realm_access: { roles: [role] } })).expect(200);
    expect(provider.requests).toMatchObject({ discovery: 1, jwks: 1 });
  });

  it('still takes the service’s own tokens (CLI, portal, tests) beside the provider’s', async () => {
    expect((await e.as('portal', 'egov').get('/auth/me').expect(200)).body).toEqual({
      id: 'egov',
      role: 'portal',
      seesPersonalDataInClear: false,
    });
  });

  it('refuses a token meant for another audience, naming why', async () =>
    expect401(
      await provider.mint({ sub: 'a', aud: 'another-service', realm_access: { roles: ['admin'] } }),
      /audience/,
    ));

  it('refuses a token of another issuer, without asking the provider', async () => {
    const before = { ...provider.requests };
    await expect401(
      await provider.mint({ sub: 'a', iss: 'https://idp.elsewhere.example', realm_access: { roles: ['admin'] } }),
      /issuer "https:\/\/idp\.elsewhere\.example" is neither the identity provider/,
    );
    expect(provider.requests).toEqual(before);
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, payload, signature] = (
      await provider.mint({ sub: 'a', realm_access: { roles: ['reviewer'] } })
    ).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const raised = Buffer.from(JSON.stringify({ ...claims, realm_access: { roles: ['admin'] } })).toString('base64url');
    await expect401(`${header}.${raised}.${signature}`, /signature does not verify/);
  });

  it('refuses a token signed by a key the provider never published (unknown kid)', async () =>
    expect401(
      await provider.mint(
        { sub: 'a', realm_access: { roles: ['admin'] } },
        { key: await OidcTestProvider.foreignKey('stranger') },
      ),
      /no key of the identity provider has the token's kid "stranger"/,
    ));

  it('refuses a token signed with the service’s own secret that claims the provider as issuer (no algorithm confusion)', async () => {
    const now = Math.floor(e.clock.now().getTime() / 1000);
    const forged = jwt.sign(
      {
        sub: 'a',
        iss: provider.issuer,
        aud: provider.audience,
        iat: now,
        exp: now + 60,
        realm_access: { roles: ['admin'] },
      },
      SECRET,
      { algorithm: 'HS256' },
    );
    await expect401(forged, /algorithm of the token is not allowed/);
  });

  it('refuses a token without an expiry', async () => {
    const token = await provider.mint({ sub: 'a', exp: undefined, realm_access: { roles: ['admin'] } });
    await expect401(token, /exp/);
  });

  it('answers 403 naming the claim when a valid token names no role of this service (portal is not one for a person)', async () => {
    for (const roles of [['offline_access', 'uma_authorization'], ['portal'], []]) {
      const response = await me(await provider.mint({ sub: 'a', realm_access: { roles } }));
      expectProblem(response, 403, 'AUTH.NO_KNOWN_ROLE');
      expect(response.body.detail).toMatch(/the claim realm_access\.roles names no role of this service/);
    }
  });

  it('takes a token until it expires by the service clock (30 s of tolerance), then refuses it', async () => {
    const token = await provider.mint({ sub: 'a', realm_access: { roles: ['auditor'] } }, { ttlSeconds: 60 });
    e.clock.advance({ seconds: 60 + 29 });
    await me(token).expect(200);
    e.clock.advance({ seconds: 1 });
    await expect401(token, /the token expired at /);
  });

  it('serves /auth/config for the console: the provider, its endpoints, the client id and scopes', async () => {
    const { body } = await e.http.get('/auth/config').expect(200);
    expect(body).toEqual({
      mode: 'oidc',
      devSignIn: true,
      issuer: provider.issuer,
      clientId: 'kandas-console',
      scopes: 'openid profile',
      authorizationEndpoint: `${provider.issuer}/authorize`,
      tokenEndpoint: `${provider.issuer}/token`,
      endSessionEndpoint: `${provider.issuer}/logout`,
      roles: ['portal', 'operator', 'reviewer', 'supervisor', 'auditor', 'admin', 'payments'],
    });
    expect(provider.requests.discovery).toBe(1);
  });

  it('signs in as the console will: authorization code with PKCE at the provider, then the access token here', async () => {
    provider.user = { sub: 'aigerim.n', claims: { realm_access: { roles: ['supervisor'] } } };
    const verifier = randomBytes(32).toString('base64url');
    const authorize = new URL(`${provider.issuer}/authorize`);
    const params = {
      response_type: 'code',
      client_id: provider.clientId,
      redirect_uri: 'http://127.0.0.1:3000/console/callback',
      scope: 'openid profile',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    for (const [name, value] of Object.entries(params)) authorize.searchParams.set(name, value);
    const redirect = await fetch(authorize, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const back = new URL(redirect.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('state-1');
    const exchange = (codeVerifier: string) =>
      fetch(`${provider.issuer}/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: back.searchParams.get('code')!,
          redirect_uri: params.redirect_uri,
          client_id: provider.clientId,
          code_verifier: codeVerifier,
        }),
      });
    const tokens = (await (await exchange(verifier)).json()) as { access_token: string; id_token: string };
    expect((await me(tokens.access_token).expect(200)).body).toMatchObject({ id: 'aigerim.n', role: 'supervisor' });
    // The ID token is the console's, not a key to the API.
    await expect401(tokens.id_token, /audience/);
    // A code is used once.
    expect((await exchange(verifier)).status).toBe(400);
  });
});

describe('the provider’s keys change', () => {
  let started: Started;
  beforeAll(async () => (started = await startWithProvider()));
  afterAll(() => stop(started));

  it('takes a rotated key after refetching the key set, at most once per 30 s of the service clock', async () => {
    const { e, provider } = started;
    const status = async () => {
      const token = await provider.mint({ sub: 'a', realm_access: { roles: ['auditor'] } });
      return (await e.http.get('/auth/me').set('Authorization', bearer(token))).status;
    };
    expect(await status()).toBe(200);
    expect(provider.requests.jwks).toBe(1);
    await provider.rotateKey();
    // Within the cooldown an unknown kid is refused without asking the provider again: made-up kids cannot flood it.
    expect(await status()).toBe(401);
    expect(provider.requests.jwks).toBe(1);
    e.clock.advance({ seconds: 30 });
    expect(await status()).toBe(200);
    expect(provider.requests.jwks).toBe(2);
    expect(await status()).toBe(200);
    expect(provider.requests.jwks).toBe(2);
  });

  it('refetches the key set once it is 10 minutes old, so a key the provider withdrew stops working', async () => {
    const { e, provider } = started;
    const old = await provider.mint({ sub: 'a', realm_access: { roles: ['auditor'] } }, { ttlSeconds: 3600 });
    await provider.rotateKey({ dropOlder: true });
    await e.http.get('/auth/me').set('Authorization', bearer(old)).expect(200);
    e.clock.advance({ minutes: 10 });
    expectProblem(await e.http.get('/auth/me').set('Authorization', bearer(old)), 401, 'AUTH.UNAUTHENTICATED');
  });
});

describe('a provider that cannot be reached', () => {
  let started: Started;
  beforeEach(async () => (started = await startWithProvider()));
  afterEach(() => stop(started));

  it('answers 503 (not 401) while the provider is down, logs it, and takes the token once it is back', async () => {
    const { e, provider, logs } = started;
    const token = await provider.mint({ sub: 'a', realm_access: { roles: ['reviewer'] } });
    provider.unavailable = true;
    const response = await e.http.get('/auth/me').set('Authorization', bearer(token));
    expectProblem(response, 503, 'AUTH.PROVIDER_UNAVAILABLE');
    expect(response.headers['retry-after']).toBe('30');
    expect(response.body.detail).toMatch(/openid-configuration answered 503/);
    expect(logs.some((line) => /GET \/auth\/me → 503 AUTH\.PROVIDER_UNAVAILABLE/.test(line))).toBe(true);
    expectProblem(await e.http.get('/auth/config'), 503, 'AUTH.PROVIDER_UNAVAILABLE');
    provider.unavailable = false;
    await e.http.get('/auth/me').set('Authorization', bearer(token)).expect(200);
  });

  it('answers 503 when the key set cannot be fetched though the discovery could', async () => {
    const { e, provider } = started;
    await e.http.get('/auth/config').expect(200);
    provider.unavailable = true;
    const token = await provider.mint({ sub: 'a', realm_access: { roles: ['reviewer'] } });
    const response = await e.http.get('/auth/me').set('Authorization', bearer(token));
    expectProblem(response, 503, 'AUTH.PROVIDER_UNAVAILABLE');
    expect(response.body.detail).toMatch(/key set at .*\/jwks cannot be fetched/);
  });

  it('goes on with the keys it holds when a due refetch fails, and says so in the log', async () => {
    const { e, provider, logs } = started;
    const token = () => provider.mint({ sub: 'a', realm_access: { roles: ['reviewer'] } });
    await e.http
      .get('/auth/me')
      .set('Authorization', bearer(await token()))
      .expect(200);
    provider.unavailable = true;
    e.clock.advance({ minutes: 11 });
    await e.http
      .get('/auth/me')
      .set('Authorization', bearer(await token()))
      .expect(200);
    expect(logs.some((line) => /the keys fetched before go on serving/.test(line))).toBe(true);
  });
});

describe('provider roles mapped to ours', () => {
  let started: Started;
  beforeAll(
    async () =>
      (started = await startWithProvider({
        KANDAS_OIDC_ROLE_CLAIM: 'groups',
        KANDAS_OIDC_ROLE_MAP: 'kandas-reviewer=reviewer,kandas-admin=admin',
        KANDAS_OIDC_USER_CLAIM: 'preferred_username',
      })),
  );
  afterAll(() => stop(started));

  const me = async (claims: Record<string, unknown>) => {
    const token = await started.provider.mint({ sub: 'f3b0c2', ...claims });
    return started.e.http.get('/auth/me').set('Authorization', bearer(token));
  };

  it('takes the first provider role the map names, the user from the configured claim', async () => {
    const admin = await me({ preferred_username: 'd.sadykov', groups: ['staff', 'kandas-admin'] });
    expect([admin.status, admin.body]).toEqual([
      200,
      { id: 'd.sadykov', role: 'admin', seesPersonalDataInClear: false },
    ]);
    const reviewer = await me({ preferred_username: 'a.b', groups: 'kandas-reviewer' });
    expect([reviewer.status, reviewer.body.role]).toEqual([200, 'reviewer']);
  });

  it('counts only the names the map lists: our own role names are not taken as such', async () => {
    const response = await me({ preferred_username: 'x', groups: ['admin'] });
    expectProblem(response, 403, 'AUTH.NO_KNOWN_ROLE');
    expect(response.body.detail).toMatch(/claim groups .*KANDAS_OIDC_ROLE_MAP \(kandas-reviewer, kandas-admin\)/);
  });

  it('refuses a token without the user claim with 401', async () => {
    expectProblem(await me({ groups: ['kandas-admin'] }), 401, 'AUTH.UNAUTHENTICATED');
  });
});
