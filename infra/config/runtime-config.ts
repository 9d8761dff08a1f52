import { dirname, join } from 'node:path';
import { SqliteSynchronous } from '@infra/sqlite/connection';
import { ConfigError } from './config-error';
import { eventStoreNamespace } from './eventstore-namespace';
import { urlOf } from './env-url';
import { portalNoticesConfig, type PortalNoticesConfig } from './portal-notices-config';
import { signInConfig, type SignInConfig } from './sign-in-config';

export type EventStoreKind = 'sqlite' | 'memory' | 'eventstoredb';

/** Everything an operator can set through the environment, read and checked once at start-up. */
export interface RuntimeConfig {
  readonly eventStore: EventStoreKind;
  readonly eventsFile: string;
  /** `EVENTSTORE_CONNECTION_STRING`: set (and required) when `eventStore` is 'eventstoredb'. */
  readonly eventStoreConnectionString?: string;
  /** `KANDAS_EVENTSTORE_NAMESPACE`, with 'eventstoredb' only: the prefix of every stream id on the server. */
  readonly eventStoreNamespace?: string;
  readonly readModelsFile: string;
  /**
   * Where, outside production, the keys not set in the environment (KANDAS_JWT_SECRET,
   * KANDAS_OTP_SECRET) are made once and kept: the folder of the read-model file, `./data` by
   * default. The service and the CLI's `token` both read it from here, so they sign with one key.
   */
  readonly localSecretsDir: string;
  readonly sqliteSynchronous: SqliteSynchronous;
  /** How long a SQLite write waits for a lock another process holds before it answers 503. */
  readonly sqliteBusyTimeoutMs: number;
  /** Free disk space below which the service reports itself not ready (it would soon fail to write). */
  readonly minFreeDiskBytes: number;
  /** How many saga steps of different applications may run at once (ADR 13); 1 runs them one by one. */
  readonly sagaStepsInFlight: number;
  /**
   * How long a person claimed by a submission that never stored its application stays blocked
   * (`KANDAS_PERSON_CLAIM_GRACE_MINUTES`, default 15; ADR 16). Keep it far above any request's time.
   */
  readonly personClaimGraceMs: number;
  /**
   * `KANDAS_LAW_BASELINE_AS_OF=yyyy-mm-dd`: on a first start, record only the initial amendments of
   * the law whose act is dated on or before that day (ADR 22) — a store with the law as it stood
   * then, to which later amendments are applied by hand. Unset: every initial amendment.
   */
  readonly lawBaselineAsOf?: string;
  /**
   * `KANDAS_SIGNING_KEY_FILE`: the service's Ed25519 key (PKCS#8 PEM). Unset outside production: made
   * once in `localSecretsDir` with its public key beside it (libs/auth `serviceSigningKeyFrom`).
   */
  readonly signingKeyFile?: string;
  /** Where chain-head checkpoints are signed to and read from (ADR 24). */
  readonly checkpoints: CheckpointSettings;
  /** `KANDAS_PORTAL_NOTICES_URL` and its delivery settings; absent: notices are kept for the API (ADR 28). */
  readonly portalNotices?: PortalNoticesConfig;
  /**
   * `KANDAS_CONSOLE_DIR`: the built console the service serves at /console (ADR 30). Unset: dist/console
   * of the repository the service runs from.
   */
  readonly consoleDir?: string;
  /** `KANDAS_OIDC_*` and `KANDAS_DEV_SIGN_IN`: how officers sign in to the console (ADR 31). */
  readonly signIn: SignInConfig;
  readonly host: string;
  readonly port: number;
}

/** Anchored chain heads (ADR 24): how often the service signs its head, and where the checkpoints go. */
export interface CheckpointSettings {
  /** `KANDAS_CHECKPOINT_INTERVAL_SECONDS` (default 300): at most this often, and only when the head moved; 0 = never on a timer. */
  readonly intervalSeconds: number;
  /** `KANDAS_CHECKPOINT_LOG`: the append-only JSON-lines log, by default `checkpoints.jsonl` beside `KANDAS_EVENTS_FILE`. */
  readonly logFile: string;
  /** `KANDAS_CHECKPOINT_DIR`: also one file per checkpoint here, never overwritten (a mounted witness volume). */
  readonly directory?: string;
  /** `KANDAS_CHECKPOINT_WITNESS_URL`: also POST each checkpoint as JSON to this http(s) address. */
  readonly witnessUrl?: string;
}

export { ConfigError };
export type { SignInConfig };

const readModelsFileOf = (env: NodeJS.ProcessEnv) => env.KANDAS_READ_MODELS_FILE || './data/read-models.sqlite';

/**
 * RuntimeConfig.localSecretsDir alone, for the offline tools (`verify-export` finds the service's
 * public key there) that must run whatever else the environment holds.
 */
export function localSecretsDirOf(env: NodeJS.ProcessEnv = process.env): string {
  return dirname(readModelsFileOf(env));
}

export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const eventStore = oneOf<EventStoreKind>(env, 'EVENT_STORE', ['sqlite', 'memory', 'eventstoredb'], 'sqlite');
  const readModelsFile = readModelsFileOf(env);
  const eventsFile = env.KANDAS_EVENTS_FILE || './data/kandas.sqlite';
  return {
    eventStore,
    eventsFile,
    ...(eventStore === 'eventstoredb'
      ? {
          eventStoreConnectionString: connectionString(env, 'EVENTSTORE_CONNECTION_STRING'),
          ...eventStoreNamespace(env),
        }
      : {}),
    readModelsFile,
    localSecretsDir: localSecretsDirOf(env),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'], 'FULL'),
    sqliteBusyTimeoutMs: wholeNumber(env, 'KANDAS_SQLITE_BUSY_TIMEOUT_MS', 5000, 60_000),
    minFreeDiskBytes: wholeNumber(env, 'KANDAS_MIN_FREE_DISK_MB', 64, 1_000_000) * 1024 * 1024,
    sagaStepsInFlight: atLeastOne(
      env,
      'KANDAS_SAGA_STEPS_IN_FLIGHT',
      wholeNumber(env, 'KANDAS_SAGA_STEPS_IN_FLIGHT', 64, 10_000),
    ),
    personClaimGraceMs:
      atLeastOne(
        env,
        'KANDAS_PERSON_CLAIM_GRACE_MINUTES',
        wholeNumber(env, 'KANDAS_PERSON_CLAIM_GRACE_MINUTES', 15, 7 * 24 * 60),
      ) * 60_000,
    ...lawBaselineAsOf(env, 'KANDAS_LAW_BASELINE_AS_OF'),
    ...(env.KANDAS_SIGNING_KEY_FILE?.trim() ? { signingKeyFile: env.KANDAS_SIGNING_KEY_FILE.trim() } : {}),
    checkpoints: checkpointSettings(env, eventsFile),
    ...portalNoticesConfig(env),
    ...(env.KANDAS_CONSOLE_DIR?.trim() ? { consoleDir: env.KANDAS_CONSOLE_DIR.trim() } : {}),
    signIn: signInConfig(env),
    host: env.HOST || '127.0.0.1',
    port: port(env, 'PORT', 3000),
  };
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > max)
    throw new ConfigError(name, `must be a whole number from 0 to ${max}, got "${value}"`);
  return parsed;
}

function atLeastOne(env: NodeJS.ProcessEnv, name: string, value: number): number {
  if (value < 1) throw new ConfigError(name, `must be at least 1, got "${env[name]}"`);
  return value;
}

function lawBaselineAsOf(env: NodeJS.ProcessEnv, name: string): { lawBaselineAsOf?: string } {
  const value = env[name];
  if (value === undefined || value === '') return {};
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new ConfigError(name, `must be a date yyyy-mm-dd, got "${value}"`);
  return { lawBaselineAsOf: value };
}

function checkpointSettings(env: NodeJS.ProcessEnv, eventsFile: string): CheckpointSettings {
  const directory = env.KANDAS_CHECKPOINT_DIR?.trim();
  const witnessUrl = httpUrl(env, 'KANDAS_CHECKPOINT_WITNESS_URL');
  return {
    intervalSeconds: wholeNumber(env, 'KANDAS_CHECKPOINT_INTERVAL_SECONDS', 300, 7 * 24 * 3600),
    logFile: env.KANDAS_CHECKPOINT_LOG?.trim() || join(dirname(eventsFile), 'checkpoints.jsonl'),
    ...(directory ? { directory } : {}),
    ...(witnessUrl ? { witnessUrl } : {}),
  };
}

function httpUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const found = urlOf(env, name, 'an http(s) URL');
  if (found && found.url.protocol !== 'http:' && found.url.protocol !== 'https:')
    throw new ConfigError(name, `must be an http(s) URL, got "${found.text}"`);
  return found?.url.toString();
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
    throw new ConfigError(name, `must be a TCP port, got "${value}"`);
  return parsed;
}

/** An EventStoreDB connection string: required, and of the client's form, so a typo fails at start-up. */
function connectionString(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value)
    throw new ConfigError(name, 'is required when EVENT_STORE=eventstoredb (e.g. esdb://localhost:2113?tls=false)');
  if (!/^esdb(\+discover)?:\/\/[^\s]+$/.test(value)) {
    throw new ConfigError(
      name,
      `must be an EventStoreDB connection string (esdb://host:port?tls=false or esdb+discover://...), got "${value}"`,
    );
  }
  return value;
}
