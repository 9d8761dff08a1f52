import { ConfigError, localSecretsDirOf, readRuntimeConfig } from '@infra/config/runtime-config';

describe('runtime configuration: saga steps in flight', () => {
  it('runs 64 saga steps at once unless told otherwise, and 1 runs them one by one', () => {
    expect(readRuntimeConfig({}).sagaStepsInFlight).toBe(64);
    expect(readRuntimeConfig({ KANDAS_SAGA_STEPS_IN_FLIGHT: '1' }).sagaStepsInFlight).toBe(1);
  });

  it.each(['0', '-3', '2.5', 'many', '10001'])(
    'refuses KANDAS_SAGA_STEPS_IN_FLIGHT=%s at start-up, naming the variable',
    (value) => {
      expect(() => readRuntimeConfig({ KANDAS_SAGA_STEPS_IN_FLIGHT: value })).toThrow(ConfigError);
      expect(() => readRuntimeConfig({ KANDAS_SAGA_STEPS_IN_FLIGHT: value })).toThrow(/KANDAS_SAGA_STEPS_IN_FLIGHT/);
    },
  );
});

describe('runtime configuration: where the development keys live', () => {
  it('keeps them beside the read models, ./data by default, for the service and the CLI alike', () => {
    expect(readRuntimeConfig({}).localSecretsDir).toBe('./data');
    expect(readRuntimeConfig({ KANDAS_READ_MODELS_FILE: '/srv/kandas/read-models.sqlite' }).localSecretsDir).toBe(
      '/srv/kandas',
    );
  });

  it('is found by the offline tools (verify-export) even when another setting would refuse the start', () => {
    const env = { KANDAS_READ_MODELS_FILE: '/srv/kandas/read-models.sqlite', PORT: 'eighty' };
    expect(() => readRuntimeConfig(env)).toThrow(ConfigError);
    expect(localSecretsDirOf(env)).toBe('/srv/kandas');
  });
});

describe('runtime configuration: the grace of a claim whose application never came to exist (ADR 16)', () => {
  it('is 15 minutes unless told otherwise', () => {
    expect(readRuntimeConfig({}).personClaimGraceMs).toBe(15 * 60_000);
    expect(readRuntimeConfig({ KANDAS_PERSON_CLAIM_GRACE_MINUTES: '60' }).personClaimGraceMs).toBe(3_600_000);
  });

  it.each(['0', '-1', 'soon', '20000'])('refuses KANDAS_PERSON_CLAIM_GRACE_MINUTES=%s', (value) => {
    expect(() => readRuntimeConfig({ KANDAS_PERSON_CLAIM_GRACE_MINUTES: value })).toThrow(
      /KANDAS_PERSON_CLAIM_GRACE_MINUTES/,
    );
  });
});

describe('runtime configuration: anchored chain heads (ADR 24)', () => {
  it('signs every 300 s into checkpoints.jsonl beside the events file, with no directory and no witness unless told', () => {
    expect(readRuntimeConfig({}).checkpoints).toEqual({ intervalSeconds: 300, logFile: 'data/checkpoints.jsonl' });
    expect(readRuntimeConfig({ KANDAS_EVENTS_FILE: '/srv/kandas/events.sqlite' }).checkpoints.logFile).toBe(
      '/srv/kandas/checkpoints.jsonl',
    );
  });

  it('takes an interval (0 = never on a timer), a log file, a directory and a witness URL', () => {
    expect(
      readRuntimeConfig({
        KANDAS_CHECKPOINT_INTERVAL_SECONDS: '0',
        KANDAS_CHECKPOINT_LOG: '/var/log/kandas/checkpoints.jsonl',
        KANDAS_CHECKPOINT_DIR: '/mnt/witness',
        KANDAS_CHECKPOINT_WITNESS_URL: 'https://witness.example.kz/checkpoints',
      }).checkpoints,
    ).toEqual({
      intervalSeconds: 0,
      logFile: '/var/log/kandas/checkpoints.jsonl',
      directory: '/mnt/witness',
      witnessUrl: 'https://witness.example.kz/checkpoints',
    });
  });

  it('names the signing key file when one is set', () => {
    expect(readRuntimeConfig({}).signingKeyFile).toBeUndefined();
    expect(readRuntimeConfig({ KANDAS_SIGNING_KEY_FILE: '/etc/kandas/key.pem' }).signingKeyFile).toBe(
      '/etc/kandas/key.pem',
    );
  });

  it.each(['-1', 'hourly', '1.5', '604801'])('refuses KANDAS_CHECKPOINT_INTERVAL_SECONDS=%s', (value) => {
    expect(() => readRuntimeConfig({ KANDAS_CHECKPOINT_INTERVAL_SECONDS: value })).toThrow(
      /KANDAS_CHECKPOINT_INTERVAL_SECONDS/,
    );
  });

  it.each(['witness.example.kz', 'ftp://witness.example.kz/', 'file:///tmp/x'])(
    'refuses KANDAS_CHECKPOINT_WITNESS_URL=%s',
    (value) => {
      expect(() => readRuntimeConfig({ KANDAS_CHECKPOINT_WITNESS_URL: value })).toThrow(
        /KANDAS_CHECKPOINT_WITNESS_URL: must be an http\(s\) URL/,
      );
    },
  );
});

describe('KANDAS_PORTAL_NOTICES_URL and the delivery settings (ADR 28)', () => {
  it('without a URL notices are kept for the API: no delivery configured', () => {
    expect(readRuntimeConfig({}).portalNotices).toBeUndefined();
  });

  it('takes an https URL, 8 attempts and a 10 s timeout unless told otherwise; plain http only to this machine', () => {
    expect(readRuntimeConfig({ KANDAS_PORTAL_NOTICES_URL: 'https://cabinet.egov.kz/notices' }).portalNotices).toEqual({
      url: 'https://cabinet.egov.kz/notices',
      maxAttempts: 8,
      timeoutMs: 10_000,
    });
    expect(
      readRuntimeConfig({
        KANDAS_PORTAL_NOTICES_URL: 'http://127.0.0.1:4000/notices',
        KANDAS_NOTICE_MAX_ATTEMPTS: '3',
        KANDAS_NOTICE_TIMEOUT_MS: '500',
      }).portalNotices,
    ).toEqual({ url: 'http://127.0.0.1:4000/notices', maxAttempts: 3, timeoutMs: 500 });
  });

  it.each([
    ['KANDAS_PORTAL_NOTICES_URL', 'http://cabinet.egov.kz/notices'],
    ['KANDAS_PORTAL_NOTICES_URL', 'not a url'],
    ['KANDAS_NOTICE_MAX_ATTEMPTS', '0'],
    ['KANDAS_NOTICE_MAX_ATTEMPTS', 'many'],
    ['KANDAS_NOTICE_TIMEOUT_MS', '50'],
  ])('refuses %s=%s at start-up, naming the variable', (name, value) => {
    expect(() => readRuntimeConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readRuntimeConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});

describe('KANDAS_CONSOLE_DIR: the built console the service serves (ADR 30)', () => {
  it('is the repository build unless set, and a set folder is taken as given', () => {
    expect(readRuntimeConfig({}).consoleDir).toBeUndefined();
    expect(readRuntimeConfig({ KANDAS_CONSOLE_DIR: ' /srv/kandas/console ' }).consoleDir).toBe('/srv/kandas/console');
  });
});

describe('sign-in: the identity provider (KANDAS_OIDC_*) and the development sign-in (ADR 31)', () => {
  const ISSUER = 'https://idp.enbek.kz/realms/kandas';
  const withIssuer = (env: NodeJS.ProcessEnv = {}) => ({
    KANDAS_OIDC_ISSUER: ISSUER,
    KANDAS_OIDC_AUDIENCE: 'kandas-back-office-api',
    ...env,
  });

  it('has no provider unless an issuer is set, and the development sign-in on outside production only', () => {
    expect(readRuntimeConfig({}).signIn).toEqual({ devSignIn: true });
    expect(readRuntimeConfig({ NODE_ENV: 'production' }).signIn).toEqual({ devSignIn: false });
    expect(readRuntimeConfig({ KANDAS_DEV_SIGN_IN: 'off' }).signIn.devSignIn).toBe(false);
    expect(readRuntimeConfig({ KANDAS_DEV_SIGN_IN: 'on' }).signIn.devSignIn).toBe(true);
    expect(readRuntimeConfig({ NODE_ENV: 'production', KANDAS_DEV_SIGN_IN: 'off' }).signIn.devSignIn).toBe(false);
  });

  it('refuses KANDAS_DEV_SIGN_IN=on in production, saying why', () => {
    expect(() => readRuntimeConfig({ NODE_ENV: 'production', KANDAS_DEV_SIGN_IN: 'on' })).toThrow(
      'Environment variable KANDAS_DEV_SIGN_IN: on is refused in production: the development sign-in lets anyone who reaches the service act in any role',
    );
  });

  it('takes the issuer as written, with the defaults: role claim `role`, user claim `sub`, scopes `openid profile`', () => {
    expect(readRuntimeConfig(withIssuer()).signIn.oidc).toEqual({
      issuer: ISSUER,
      audience: 'kandas-back-office-api',
      roleClaim: 'role',
      userClaim: 'sub',
      scopes: 'openid profile',
    });
    // No slash added: `iss` must equal the issuer character for character.
    expect(readRuntimeConfig(withIssuer({ KANDAS_OIDC_ISSUER: 'https://idp.example.kz' })).signIn.oidc?.issuer).toBe(
      'https://idp.example.kz',
    );
  });

  it('takes every setting: key set URL, nested role claim, role map, user claim, client id, scopes; plain http to localhost', () => {
    const oidc = readRuntimeConfig(
      withIssuer({
        KANDAS_OIDC_ISSUER: 'http://127.0.0.1:8080/realms/kandas',
        KANDAS_OIDC_JWKS_URL: 'http://127.0.0.1:8080/realms/kandas/protocol/openid-connect/certs',
        KANDAS_OIDC_ROLE_CLAIM: 'resource_access.kandas-console.roles',
        KANDAS_OIDC_ROLE_MAP: 'kandas-reviewer=reviewer, kandas-admin=admin',
        KANDAS_OIDC_USER_CLAIM: 'preferred_username',
        KANDAS_OIDC_CLIENT_ID: 'kandas-console',
        KANDAS_OIDC_SCOPES: 'openid profile roles',
      }),
    ).signIn.oidc;
    expect(oidc).toEqual({
      issuer: 'http://127.0.0.1:8080/realms/kandas',
      audience: 'kandas-back-office-api',
      jwksUrl: 'http://127.0.0.1:8080/realms/kandas/protocol/openid-connect/certs',
      roleClaim: 'resource_access.kandas-console.roles',
      roleMap: new Map([
        ['kandas-reviewer', 'reviewer'],
        ['kandas-admin', 'admin'],
      ]),
      userClaim: 'preferred_username',
      clientId: 'kandas-console',
      scopes: 'openid profile roles',
    });
  });

  it.each([
    ['KANDAS_DEV_SIGN_IN', { KANDAS_DEV_SIGN_IN: 'yes' }, /must be on or off/],
    ['KANDAS_OIDC_ISSUER', { KANDAS_OIDC_ISSUER: 'idp.enbek.kz' }, /must be an absolute https URL/],
    ['KANDAS_OIDC_ISSUER', { KANDAS_OIDC_ISSUER: 'http://idp.enbek.kz/realms/kandas' }, /must be https/],
    ['KANDAS_OIDC_ISSUER', { KANDAS_OIDC_ISSUER: 'ftp://idp.enbek.kz/' }, /must be https/],
    ['KANDAS_OIDC_ISSUER', { KANDAS_OIDC_ISSUER: `${ISSUER}?tenant=1` }, /no query and no fragment/],
    ['KANDAS_OIDC_AUDIENCE', { KANDAS_OIDC_AUDIENCE: '' }, /is required with KANDAS_OIDC_ISSUER/],
    ['KANDAS_OIDC_AUDIENCE', { KANDAS_OIDC_AUDIENCE: 'two words' }, /without spaces/],
    ['KANDAS_OIDC_JWKS_URL', { KANDAS_OIDC_JWKS_URL: 'http://idp.enbek.kz/certs' }, /must be https/],
    ['KANDAS_OIDC_ROLE_CLAIM', { KANDAS_OIDC_ROLE_CLAIM: 'realm_access..roles' }, /dot path/],
    ['KANDAS_OIDC_ROLE_CLAIM', { KANDAS_OIDC_ROLE_CLAIM: 'realm access' }, /dot path/],
    ['KANDAS_OIDC_ROLE_MAP', { KANDAS_OIDC_ROLE_MAP: 'kandas-reviewer' }, /is not <provider role>=<role>/],
    ['KANDAS_OIDC_ROLE_MAP', { KANDAS_OIDC_ROLE_MAP: 'kandas-boss=superuser' }, /"superuser" is not a role/],
    ['KANDAS_OIDC_ROLE_MAP', { KANDAS_OIDC_ROLE_MAP: 'egov=portal' }, /the portal uses a service token/],
    ['KANDAS_OIDC_ROLE_MAP', { KANDAS_OIDC_ROLE_MAP: 'a=reviewer,a=admin' }, /"a" is mapped twice/],
    ['KANDAS_OIDC_USER_CLAIM', { KANDAS_OIDC_USER_CLAIM: '.sub' }, /dot path/],
    ['KANDAS_OIDC_CLIENT_ID', { KANDAS_OIDC_CLIENT_ID: 'kandas console' }, /without spaces/],
    ['KANDAS_OIDC_SCOPES', { KANDAS_OIDC_SCOPES: 'profile email' }, /must include openid/],
    ['KANDAS_OIDC_SCOPES', { KANDAS_OIDC_SCOPES: 'openid "profile"' }, /scope names separated by spaces/],
  ])('refuses a bad %s (%j) at start-up, naming it', (name, env, reason) => {
    const settings = name === 'KANDAS_DEV_SIGN_IN' ? env : withIssuer(env);
    expect(() => readRuntimeConfig(settings)).toThrow(ConfigError);
    expect(() => readRuntimeConfig(settings)).toThrow(new RegExp(`Environment variable ${name}: `));
    expect(() => readRuntimeConfig(settings)).toThrow(reason);
  });

  it.each(['KANDAS_OIDC_AUDIENCE', 'KANDAS_OIDC_ROLE_CLAIM', 'KANDAS_OIDC_CLIENT_ID', 'KANDAS_OIDC_SCOPES'])(
    'refuses %s without KANDAS_OIDC_ISSUER: a provider half set up is a typo, not a choice',
    (name) => {
      expect(() => readRuntimeConfig({ [name]: 'openid' })).toThrow(
        `Environment variable ${name}: is set but KANDAS_OIDC_ISSUER is not`,
      );
    },
  );
});
