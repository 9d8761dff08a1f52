import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, ServiceSigningKey } from '@libs/auth';
import { TestClock } from '@libs/testing';
import { issue } from '../signatures/pki';
import { OidcTestProvider } from '../support/oidc-provider';
import { E2E_START, E2eApp } from './support/e2e-app';
import { appendsNothing, expectFieldErrors, expectProblem } from './support/problems';

/**
 * The development sign-in and what the console reads before signing in (ADR 31): `POST
 * /auth/dev-sign-in` outside production only, `/auth/config` in each mode, `/auth/me`.
 */
describe('the development sign-in, outside production', () => {
  let e: E2eApp;
  beforeAll(async () => (e = await E2eApp.start()));
  afterAll(() => e.close());

  it('signs in as the role and user picked, for 8 hours, with a token the whole API takes', async () => {
    const response = await e.http
      .post('/auth/dev-sign-in')
      .send({ role: 'reviewer', userId: 'aigerim.n@enbek.kz' })
      .expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresAt: '2026-03-02T13:00:00.000Z',
      actor: { id: 'aigerim.n@enbek.kz', role: 'reviewer' },
    });
    const auth = `Bearer ${response.body.token as string}`;
    expect((await e.http.get('/auth/me').set('Authorization', auth).expect(200)).body).toEqual({
      id: 'aigerim.n@enbek.kz',
      role: 'reviewer',
      seesPersonalDataInClear: true,
    });
    await e.http.get('/queues/mine').set('Authorization', auth).expect(200);
    e.clock.advance({ hours: 8 });
    expectProblem(await e.http.get('/auth/me').set('Authorization', auth), 401, 'AUTH.UNAUTHENTICATED');
  });

  it('says in /auth/config that the console signs in here, offering every role', async () => {
    expect((await e.http.get('/auth/config').expect(200)).body).toEqual({
      mode: 'development',
      devSignIn: true,
      roles: [...ROLES],
    });
  });

  it.each([
    ['an unknown role', { role: 'superuser', userId: 'x' }, ['role']],
    ['no role', { userId: 'x' }, ['role']],
    ['a user id with a space', { role: 'admin', userId: 'a b' }, ['userId']],
    ['an empty user id', { role: 'admin', userId: '' }, ['userId']],
    ['a user id of 65 characters', { role: 'admin', userId: 'a'.repeat(65) }, ['userId']],
    ['a user id that is no string', { role: 'admin', userId: 7 }, ['userId']],
    ['an unknown field', { role: 'admin', userId: 'x', password: 'secret' }, ['password']],
  ])('refuses %s with 400 naming the field, and appends nothing', async (_, body, fields) => {
    expectFieldErrors(await appendsNothing(e, () => e.http.post('/auth/dev-sign-in').send(body)), fields);
  });

  it('answers /auth/me for each role, with whether it reads personal data in clear', async () => {
    for (const role of ROLES) {
      const { body } = await e.as(role, `${role}-me`).get('/auth/me').expect(200);
      expect(body).toEqual({
        id: `${role}-me`,
        role,
        seesPersonalDataInClear: role === 'reviewer' || role === 'supervisor',
      });
    }
  });
});

describe('the development sign-in switched off (KANDAS_DEV_SIGN_IN=off)', () => {
  let e: E2eApp;
  beforeAll(async () => (e = await E2eApp.start({ env: { KANDAS_DEV_SIGN_IN: 'off' } })));
  afterAll(() => e.close());

  it('does not exist: 404, and /auth/config offers no way in but service tokens', async () => {
    expectProblem(
      await e.http.post('/auth/dev-sign-in').send({ role: 'admin', userId: 'x' }),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expect((await e.http.get('/auth/config').expect(200)).body).toEqual({ mode: 'none', devSignIn: false, roles: [] });
    await e.as('auditor').get('/auth/me').expect(200);
  });
});

describe('in production', () => {
  let dir: string;
  let provider: OidcTestProvider;
  let e: E2eApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kandas-production-'));
    const ca = await issue({
      subject: [{ C: ['KZ'] }, { CN: ['Test National Certification Authority'] }],
      kind: 'ec',
      ca: true,
      notBefore: '2020-01-01T00:00:00Z',
      notAfter: '2040-01-01T00:00:00Z',
    });
    writeFileSync(join(dir, 'trusted-cas.pem'), ca.pem);
    writeFileSync(join(dir, 'signing-key.pem'), ServiceSigningKey.generate().privateKeyPem());
    const clock = new TestClock(E2E_START);
    provider = await OidcTestProvider.start({ clock });
    e = await E2eApp.start({
      clock,
      env: {
        NODE_ENV: 'production',
        KANDAS_JWT_SECRET: 'j'.repeat(48),
        KANDAS_OTP_SECRET: 'o'.repeat(48),
        KANDAS_SIGNING_KEY_FILE: join(dir, 'signing-key.pem'),
        KANDAS_TRUSTED_CA_FILE: join(dir, 'trusted-cas.pem'),
        KANDAS_OIDC_ISSUER: provider.issuer,
        KANDAS_OIDC_AUDIENCE: provider.audience,
        KANDAS_OIDC_CLIENT_ID: provider.clientId,
      },
    });
  });
  afterAll(async () => {
    await e.close();
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has no development sign-in: 404, whatever the body', async () => {
    const response = await e.http.post('/auth/dev-sign-in').send({ role: 'admin', userId: 'admin-1' });
    expectProblem(response, 404, 'RESOURCE.NOT_FOUND');
    expect(response.body.token).toBeUndefined();
  });

  it('sends the console to the identity provider, offering the officers’ roles', async () => {
    expect((await e.http.get('/auth/config').expect(200)).body).toEqual({
      mode: 'oidc',
      devSignIn: false,
      issuer: provider.issuer,
      clientId: provider.clientId,
      scopes: 'openid profile',
      authorizationEndpoint: `${provider.issuer}/authorize`,
      tokenEndpoint: `${provider.issuer}/token`,
      endSessionEndpoint: `${provider.issuer}/logout`,
      roles: ['operator', 'reviewer', 'supervisor', 'auditor', 'admin', 'payments'],
    });
  });

  it('takes the provider’s tokens (the role claim `role` by default) and the service’s own', async () => {
    const token = await provider.mint({ sub: 'officer-1', role: 'supervisor' });
    const me = await e.http.get('/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toEqual({ id: 'officer-1', role: 'supervisor', seesPersonalDataInClear: true });
    await e.as('portal', 'egov').get('/auth/me').expect(200);
  });
});
