/**
 * The filters of a subscription to `$all`, as the server applies them (EventStore v25.0.0,
 * Services/Storage/ReaderIndex/EventFilter.cs; Grpc/Streams.Read.cs `ConvertToEventFilter`): stream
 * name or event type, by prefixes or by a regex, always after DefaultAllFilter.
 */
import {
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type Filter,
} from '@eventstore/db-client';
import { EventStoreDbWireDouble } from '../support/eventstoredb-double';
import { Recorder } from './recorder';

describe('EventStoreDbWireDouble: filters of a subscription to $all', () => {
  let double: EventStoreDbWireDouble;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    double = await EventStoreDbWireDouble.start();
    client = EventStoreDBClient.connectionString(double.connectionString);
    await client.appendToStream('order-1', jsonEvent({ type: 'OrderPlaced', data: {} }));
    await client.appendToStream('invoice-1', jsonEvent({ type: 'InvoiceSent', data: {} }));
    await client.setStreamMetadata('order-1', { maxAge: 60 });
    double.collectStats();
  });

  afterEach(async () => {
    await client.dispose();
    await double.stop();
  });

  async function seen(filter: Filter): Promise<string[]> {
    const recorder = new Recorder(client.subscribeToAll({ filter }));
    await recorder.until(() => recorder.caughtUp, 'caught up');
    return recorder.events.map((r) => `${r.event!.streamId} ${r.event!.type}`);
  }

  it('excludeSystemEvents() (an event-type regex, ^[^$].*) keeps only the events whose type has no $', async () => {
    expect(await seen(excludeSystemEvents())).toEqual(['order-1 OrderPlaced', 'invoice-1 InvoiceSent']);
  });

  it('a stream-name regex sees the system streams, but never $epoch-information', async () => {
    const endpoint = new URL(double.connectionString.replace('esdb://', 'http://')).host;
    expect(await seen(streamNameFilter({ regex: '^\\$' }))).toEqual([
      '$$$user-admin $metadata',
      '$user-admin $UserCreated',
      '$users $User',
      '$$$user-ops $metadata',
      '$user-ops $UserCreated',
      '$users $User',
      '$$order-1 $metadata',
      `$$$stats-${endpoint} $metadata`,
      `$stats-${endpoint} $statsCollected`,
    ]);
  });

  it('filters on stream-name prefixes, event-type prefixes and an event-type regex', async () => {
    expect(await seen(streamNameFilter({ prefixes: ['order-', 'invoice-'] }))).toEqual([
      'order-1 OrderPlaced',
      'invoice-1 InvoiceSent',
    ]);
    expect(await seen(eventTypeFilter({ prefixes: ['Invoice'] }))).toEqual(['invoice-1 InvoiceSent']);
    expect(await seen(eventTypeFilter({ regex: 'Placed$' }))).toEqual(['order-1 OrderPlaced']);
    expect(await seen(eventTypeFilter({ prefixes: ['$'] }))).toContain('$users $User');
  });

  it('matches nothing with no prefix', async () => {
    expect(await seen(streamNameFilter({ prefixes: [] }))).toEqual([]);
  });
});
