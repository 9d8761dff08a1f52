import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';

/** The variable naming the PEM file (PKCS#8) of the service's Ed25519 private key. */
export const SIGNING_KEY_VARIABLE = 'KANDAS_SIGNING_KEY_FILE';
/** Outside production, where the key is made once when the variable is not set. */
export const DEV_SIGNING_KEY_FILE = 'dev-kandas-signing-key.pem';
/** Beside it, the public key an auditor or the portal receives (SPKI PEM). */
export const PUBLIC_KEY_FILE = 'kandas-signing-public-key.pem';

/**
 * The service's own Ed25519 key: it signs what leaves the service and must be checkable without it —
 * chain-head checkpoints, export manifests, decision documents. Whoever holds the public key verifies
 * offline (`verifyDetached`); the key id names the key in every signed artefact, so a rotated key is
 * told apart from a forged signature.
 */
export class ServiceSigningKey {
  readonly keyId: string;
  readonly publicKeyPem: string;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error(`${SIGNING_KEY_VARIABLE}: the key must be Ed25519, got ${privateKey.asymmetricKeyType}`);
    const publicKey = createPublicKey(privateKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = keyIdOf(this.publicKeyPem);
  }

  /** A detached Ed25519 signature over the bytes (a string is signed as its UTF-8 bytes), base64. */
  sign(bytes: Uint8Array | string): string {
    return sign(null, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, this.privateKey).toString(
      'base64',
    );
  }

  static fromPem(pem: string): ServiceSigningKey {
    return new ServiceSigningKey(createPrivateKey(pem));
  }

  /** A fresh key (tests, and the development key made once). */
  static generate(): ServiceSigningKey {
    return new ServiceSigningKey(generateKeyPairSync('ed25519').privateKey);
  }

  privateKeyPem(): string {
    return this.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }
}

/** `ed25519:` and the first 16 hex digits of the SHA-256 of the public key's DER: short, stable, not secret. */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return `ed25519:${hash('sha256', der, 'hex').slice(0, 16)}`;
}

/** Checks a detached signature with a public key alone; a malformed key or signature is `false`, never a throw. */
export function verifyDetached(publicKeyPem: string, bytes: Uint8Array | string, signatureBase64: string): boolean {
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    return verify(null, data, createPublicKey(publicKeyPem), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** What `serviceSigningKeyFrom` refuses, checked without creating anything (start-up checks every secret first). */
export function checkSigningKey(env: NodeJS.ProcessEnv): void {
  const file = env[SIGNING_KEY_VARIABLE];
  if (file) {
    if (!existsSync(file)) throw new Error(`${SIGNING_KEY_VARIABLE}: no file ${file}`);
    ServiceSigningKey.fromPem(readFileSync(file, 'utf8'));
    return;
  }
  if (env.NODE_ENV === 'production') throw new Error(`${SIGNING_KEY_VARIABLE} is required in production`);
}

/**
 * The service's signing key: from `KANDAS_SIGNING_KEY_FILE`, or — outside production only — made once
 * in the data folder (mode 600) with its public key written beside it, so a fresh clone signs and
 * the CLI verifies with the same key as the service. The public key file is (re)written on every call,
 * so it always matches the key in use.
 */
export function serviceSigningKeyFrom(env: NodeJS.ProcessEnv, dataDir: string): ServiceSigningKey {
  checkSigningKey(env);
  const configured = env[SIGNING_KEY_VARIABLE];
  let key: ServiceSigningKey;
  if (configured) key = ServiceSigningKey.fromPem(readFileSync(configured, 'utf8'));
  else {
    const file = join(dataDir, DEV_SIGNING_KEY_FILE);
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, ServiceSigningKey.generate().privateKeyPem(), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    key = ServiceSigningKey.fromPem(readFileSync(file, 'utf8'));
  }
  const publicFile = join(dataDir, PUBLIC_KEY_FILE);
  if (!existsSync(publicFile) || readFileSync(publicFile, 'utf8') !== key.publicKeyPem) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(publicFile, key.publicKeyPem);
  }
  return key;
}
