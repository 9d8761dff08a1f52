import { SqliteSynchronous } from '@infra/sqlite/connection';

export type EventStoreKind = 'sqlite' | 'memory';

/** Everything an operator can set through the environment, read and checked once at start-up. */
export interface RuntimeConfig {
  readonly eventStore: EventStoreKind;
  readonly eventsFile: string;
  readonly readModelsFile: string;
  readonly sqliteSynchronous: SqliteSynchronous;
  readonly host: string;
  readonly port: number;
}

export class ConfigError extends Error {
  constructor(variable: string, reason: string) {
    super(`Environment variable ${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  return {
    eventStore: oneOf(env, 'EVENT_STORE', ['sqlite', 'memory'], 'sqlite'),
    eventsFile: env.KANDAS_EVENTS_FILE || './data/kandas.sqlite',
    readModelsFile: env.KANDAS_READ_MODELS_FILE || './data/read-models.sqlite',
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'], 'FULL'),
    host: env.HOST || '127.0.0.1',
    port: port(env, 'PORT', 3000),
  };
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new ConfigError(name, `must be a TCP port, got "${value}"`);
  return parsed;
}
