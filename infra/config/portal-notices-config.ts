import { ConfigError } from './config-error';
import { httpsOrLocalUrl } from './env-url';

/** Where and how notices are delivered to the portal (ADR 28); absent: kept and served by the API only. */
export interface PortalNoticesConfig {
  readonly url: string;
  readonly maxAttempts: number;
  readonly timeoutMs: number;
}

/**
 * `KANDAS_PORTAL_NOTICES_URL` (https; plain http only to this machine, for a local receiver),
 * `KANDAS_NOTICE_MAX_ATTEMPTS` (1–100, default 8) and `KANDAS_NOTICE_TIMEOUT_MS` (100–120000,
 * default 10000). The two numbers are checked even without a URL, so a typo never waits to show.
 */
export function portalNoticesConfig(env: NodeJS.ProcessEnv): { portalNotices?: PortalNoticesConfig } {
  const maxAttempts = inRange(env, 'KANDAS_NOTICE_MAX_ATTEMPTS', 8, 1, 100);
  const timeoutMs = inRange(env, 'KANDAS_NOTICE_TIMEOUT_MS', 10_000, 100, 120_000);
  const found = httpsOrLocalUrl(env, 'KANDAS_PORTAL_NOTICES_URL');
  if (!found) return {};
  return { portalNotices: { url: found.url.toString(), maxAttempts, timeoutMs } };
}

function inRange(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${value}"`);
  return parsed;
}
