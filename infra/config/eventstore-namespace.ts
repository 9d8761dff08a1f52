import { ConfigError } from './config-error';

const NAME = 'KANDAS_EVENTSTORE_NAMESPACE';

/**
 * `KANDAS_EVENTSTORE_NAMESPACE`: a prefix of every stream id the service writes on EventStoreDB, so
 * several environments (a staging service, a test run) share one cluster without seeing each other's
 * streams in `$all` (the adapter's `namespace`). Unset: stream ids are stored as given. The instances
 * of one environment must all use the same one.
 */
export function eventStoreNamespace(env: NodeJS.ProcessEnv): { eventStoreNamespace?: string } {
  const value = env[NAME]?.trim();
  if (!value) return {};
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*-$/.test(value))
    throw new ConfigError(
      NAME,
      `must be letters, digits, '_', '.' or '-', start with a letter or digit and end with '-' (e.g. staging-), got "${value}"`,
    );
  return { eventStoreNamespace: value };
}
