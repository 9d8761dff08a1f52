import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceSigningKey } from '@libs/auth';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { AppModule } from '../../apps/back-office/src/app.module';

describe('a start refused for its settings leaves no file behind', () => {
  const root = mkdtempSync(join(tmpdir(), 'kandas-refused-'));
  // The service's signing key, outside the folder that must stay empty.
  const keys = mkdtempSync(join(tmpdir(), 'kandas-refused-key-'));
  const signingKeyFile = join(keys, 'signing-key.pem');
  writeFileSync(signingKeyFile, ServiceSigningKey.generate().privateKeyPem());
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(keys, { recursive: true, force: true });
  });
  const dataDir = join(root, 'data');
  const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
    KANDAS_EVENTS_FILE: join(dataDir, 'events.sqlite'),
    KANDAS_READ_MODELS_FILE: join(dataDir, 'read-models.sqlite'),
    ...extra,
  });

  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['production without a JWT key', { NODE_ENV: 'production' }, /KANDAS_JWT_SECRET is required in production/],
    [
      'production without the service signing key',
      { NODE_ENV: 'production', KANDAS_JWT_SECRET: 'j'.repeat(48) },
      /KANDAS_SIGNING_KEY_FILE is required in production/,
    ],
    [
      'production without trusted CAs',
      {
        NODE_ENV: 'production',
        KANDAS_JWT_SECRET: 'j'.repeat(48),
        KANDAS_OTP_SECRET: 'o'.repeat(48),
        KANDAS_SIGNING_KEY_FILE: signingKeyFile,
      },
      /KANDAS_TRUSTED_CA_FILE is required in production/,
    ],
    [
      'production without the key that signs the checkpoints',
      { NODE_ENV: 'production', KANDAS_JWT_SECRET: 'j'.repeat(48), KANDAS_OTP_SECRET: 'o'.repeat(48) },
      /KANDAS_SIGNING_KEY_FILE is required in production/,
    ],
    ['a signing key file that is not there', { KANDAS_SIGNING_KEY_FILE: '/nonexistent/key.pem' }, /no file/],
    ['a short OTP key, the JWT key unset', { KANDAS_OTP_SECRET: 'short' }, /KANDAS_OTP_SECRET must be at least 32/],
    ['an unknown OTP delivery', { KANDAS_OTP_DELIVERY: 'pigeon' }, /KANDAS_OTP_DELIVERY must be echo or sms/],
    ['bad rate limits', { KANDAS_COMMAND_RATE_LIMITS: 'lots' }, /KANDAS_COMMAND_RATE_LIMITS/],
    [
      'the development sign-in in production',
      {
        NODE_ENV: 'production',
        KANDAS_DEV_SIGN_IN: 'on',
        KANDAS_JWT_SECRET: 'j'.repeat(48),
        KANDAS_OTP_SECRET: 'o'.repeat(48),
        KANDAS_SIGNING_KEY_FILE: signingKeyFile,
      },
      /KANDAS_DEV_SIGN_IN: on is refused in production/,
    ],
    ['an identity provider without audience', { KANDAS_OIDC_ISSUER: 'https://idp.enbek.kz' }, /KANDAS_OIDC_AUDIENCE/],
  ])('%s: refused by AppModule.forRoot, before a folder or a key is made', (_, extra, reason) => {
    const settings = env(extra);
    expect(() => AppModule.forRoot(readRuntimeConfig(settings), { env: settings })).toThrow(reason);
    expect(existsSync(dataDir)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });
});
