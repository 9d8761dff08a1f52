import { ConfigError, readRuntimeConfig } from '@infra/config/runtime-config';
import { EventStoreDbEventStore } from '@infra/event-store/eventstoredb/eventstoredb-event-store';
import { openEventStore } from '@infra/event-store/open-event-store';
import { EventStoreDbWireDouble } from '../support/eventstoredb-double';
import { collect, newEvent } from '../contract/fixtures';

const ON_ESDB = { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false' };

describe('KANDAS_EVENTSTORE_NAMESPACE: several environments on one EventStoreDB cluster', () => {
  it('is none unless set, and is read with EVENT_STORE=eventstoredb only', () => {
    expect(readRuntimeConfig(ON_ESDB).eventStoreNamespace).toBeUndefined();
    expect(readRuntimeConfig({ ...ON_ESDB, KANDAS_EVENTSTORE_NAMESPACE: 'staging-' }).eventStoreNamespace).toBe(
      'staging-',
    );
    expect(readRuntimeConfig({ KANDAS_EVENTSTORE_NAMESPACE: 'staging-' }).eventStoreNamespace).toBeUndefined();
  });

  it.each(['$system-', 'staging', 'with space-', '-lead-'])('refuses %p at start-up, naming the variable', (value) => {
    const start = () => readRuntimeConfig({ ...ON_ESDB, KANDAS_EVENTSTORE_NAMESPACE: value });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/KANDAS_EVENTSTORE_NAMESPACE/);
  });

  it('prefixes every stream the service writes, and the service sees only its own streams', async () => {
    const server = await EventStoreDbWireDouble.start();
    const env = { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: server.connectionString };
    const staging = openEventStore(readRuntimeConfig({ ...env, KANDAS_EVENTSTORE_NAMESPACE: 'staging-' }));
    const other = openEventStore(readRuntimeConfig({ ...env, KANDAS_EVENTSTORE_NAMESPACE: 'test-7-' }));
    const whole = new EventStoreDbEventStore(server.connectionString);
    try {
      await staging.append('application-1', [newEvent('Tested', { by: 'staging' })], { expectedRevision: 'no-stream' });
      await other.append('application-1', [newEvent('Tested', { by: 'test' })], { expectedRevision: 'no-stream' });
      expect((await collect(whole.readAll())).map((event) => event.streamId).sort()).toEqual([
        'staging-application-1',
        'test-7-application-1',
      ]);
      expect((await collect(staging.readAll())).map((event) => [event.streamId, event.data])).toEqual([
        ['application-1', { by: 'staging' }],
      ]);
    } finally {
      await Promise.all([staging.close(), other.close(), whole.close()]);
      await server.stop();
    }
  });
});
