import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * A secret from the environment (at least 32 characters). Outside production, when it is not set,
 * a random one is created once in the data folder (mode 600), so that a fresh clone runs and the
 * CLI agrees with the service; in production a missing secret stops the start-up.
 */
export function secretFrom(variable: string, env: NodeJS.ProcessEnv, dataDir: string): string {
  checkSecret(variable, env);
  const value = env[variable];
  if (value) return value;
  const file = join(dataDir, `dev-${variable.toLowerCase().replace(/_/g, '-')}`);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * What `secretFrom` refuses, checked without creating anything: a start-up checks every secret
 * before it makes the first development key, so a refused start leaves no file behind.
 */
export function checkSecret(variable: string, env: NodeJS.ProcessEnv): void {
  const value = env[variable];
  if (value && value.length < 32) throw new Error(`${variable} must be at least 32 characters`);
  if (!value && env.NODE_ENV === 'production') throw new Error(`${variable} is required in production`);
}
