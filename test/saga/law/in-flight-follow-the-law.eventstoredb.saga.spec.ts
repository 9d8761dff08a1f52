import { EventStoreDbWireDouble } from '../../support/eventstoredb-double';
import { acceptAugustThenAmend } from './reschedule-scenario';
import { runRescheduling } from './run-rescheduling';

/**
 * The same 30 applications and the same amendment on the EventStoreDB adapter, through the real
 * client, against the wire-level double (issue 16's acceptance: the scenario passes on both stores).
 */
describe('applications in flight follow the law: the amendment of 31 August 2026, on EventStoreDB', () => {
  let server: EventStoreDbWireDouble;
  beforeAll(async () => {
    server = await EventStoreDbWireDouble.start();
  });
  afterAll(() => server.stop());

  describe('the scenario', () => {
    runRescheduling(() =>
      acceptAugustThenAmend({
        env: { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: server.connectionString },
      }),
    );
  });
});
