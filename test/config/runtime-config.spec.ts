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
