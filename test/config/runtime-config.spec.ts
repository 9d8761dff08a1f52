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
