import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSigningKey, PUBLIC_KEY_FILE, ServiceSigningKey, serviceSigningKeyFrom, verifyDetached } from '@libs/auth';

describe('the service signing key', () => {
  it('signs detached, and the public key alone verifies; any changed byte fails', () => {
    const key = ServiceSigningKey.generate();
    const signature = key.sign('chain head 42');
    expect(verifyDetached(key.publicKeyPem, 'chain head 42', signature)).toBe(true);
    expect(verifyDetached(key.publicKeyPem, 'chain head 43', signature)).toBe(false);
    expect(verifyDetached(ServiceSigningKey.generate().publicKeyPem, 'chain head 42', signature)).toBe(false);
    expect(verifyDetached('not a key', 'chain head 42', signature)).toBe(false);
  });

  it('outside production, is made once in the data folder (mode 600) with its public key beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signing-key-'));
    const first = serviceSigningKeyFrom({}, dir);
    const second = serviceSigningKeyFrom({}, dir);
    expect(second.keyId).toBe(first.keyId);
    expect(first.keyId).toMatch(/^ed25519:[0-9a-f]{16}$/);
    expect(readFileSync(join(dir, PUBLIC_KEY_FILE), 'utf8')).toBe(first.publicKeyPem);
    expect(statSync(join(dir, 'dev-kandas-signing-key.pem')).mode & 0o777).toBe(0o600);
  });

  it('is required in production, and a configured file must hold an Ed25519 key', () => {
    expect(() => checkSigningKey({ NODE_ENV: 'production' })).toThrow('KANDAS_SIGNING_KEY_FILE is required');
    expect(() => checkSigningKey({ KANDAS_SIGNING_KEY_FILE: '/nonexistent.pem' })).toThrow('no file');
  });
});
