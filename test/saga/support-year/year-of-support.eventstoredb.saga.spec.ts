import { EventStoreDbWireDouble } from '../../support/eventstoredb-double';
import { runYearOfSupport } from './run-year-of-support';
import { yearOfSupport } from './year-of-support';

/**
 * The same year on the EventStoreDB adapter, through the real client, against the wire-level double —
 * with system events in `$all` among the year's own, as on a node that stores its stats.
 */
describe('a year of a family’s support after arrival, on EventStoreDB (ADR 33)', () => {
  let server: EventStoreDbWireDouble;
  beforeAll(async () => {
    server = await EventStoreDbWireDouble.start({ statsPeriodMs: 250 });
  });
  afterAll(() => server.stop());

  describe('the year', () => {
    runYearOfSupport(() =>
      yearOfSupport({ env: { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: server.connectionString } }),
    );
  });
});
