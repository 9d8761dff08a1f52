/**
 * The server's maximum append size (EventStore v25.0.0: `MaxAppendSize`, 1 MiB by default, over
 * `Event.SizeOnDisk` = data + metadata bytes + 2 × the type's length; refused on unary Append by
 * Grpc/Streams.Append.cs and on BatchAppend by Grpc/Streams.BatchAppend.cs), as the client sees it:
 * MaxAppendSizeExceededError with the server's limit, nothing written.
 */
import {
  EventStoreDBClient,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  StreamNotFoundError,
} from '@eventstore/db-client';
import { EventStoreDbWireDouble, type WireDoubleOptions } from '../support/eventstoredb-double';
import { collect } from './recorder';

/** `{"s":"…"}` with `n` characters: n + 8 bytes of data, and 2 × 1 for the type 'T'. */
const sized = (n: number) => jsonEvent({ type: 'T', data: { s: 'x'.repeat(n) } });

describe.each([
  ['BatchAppend', true],
  ['unary Append', false],
])('EventStoreDbWireDouble: the maximum append size (%s)', (_label, batchAppend) => {
  let double: EventStoreDbWireDouble;
  let client: EventStoreDBClient;

  async function start(options: WireDoubleOptions = {}): Promise<void> {
    double = await EventStoreDbWireDouble.start({ batchAppend, ...options });
    client = EventStoreDBClient.connectionString(double.connectionString);
  }

  afterEach(async () => {
    await client?.dispose();
    await double?.stop();
  });

  it('takes an append of exactly the limit and refuses one byte more, writing nothing', async () => {
    await start({ maxAppendSize: 1_000 });
    await expect(client.appendToStream('at-limit', [sized(490), sized(490)])).resolves.toMatchObject({ success: true });
    const refused = client.appendToStream('over-limit', [sized(490), sized(491)], { expectedRevision: NO_STREAM });
    await expect(refused).rejects.toBeInstanceOf(MaxAppendSizeExceededError);
    await expect(refused).rejects.toMatchObject({ maxAppendSize: 1_000 });
    await expect(collect(client.readStream('over-limit'))).rejects.toBeInstanceOf(StreamNotFoundError);
    // The connection goes on: the next append works.
    await expect(
      client.appendToStream('over-limit', sized(10), { expectedRevision: NO_STREAM }),
    ).resolves.toMatchObject({
      nextExpectedRevision: 0n,
    });
  });

  it('counts custom metadata and the type too', async () => {
    await start({ maxAppendSize: 100 });
    const event = jsonEvent({ type: 'Typed'.repeat(4), data: {}, metadata: { m: 'y'.repeat(40) } });
    // data {} = 2, metadata {"m":"…"} = 48, type 20 × 2 = 40: 90 bytes.
    await expect(client.appendToStream('a', event)).resolves.toMatchObject({ success: true });
    await expect(client.appendToStream('b', [event, sized(1)])).rejects.toBeInstanceOf(MaxAppendSizeExceededError);
  });

  it('refuses above 1 MiB by default, as a server does', async () => {
    await start();
    const half = 512 * 1024;
    await expect(client.appendToStream('big', [sized(half), sized(half)])).rejects.toMatchObject({
      constructor: MaxAppendSizeExceededError,
      maxAppendSize: 1024 * 1024,
    });
    await expect(client.appendToStream('big', [sized(half - 10), sized(half - 10)])).resolves.toMatchObject({
      success: true,
    });
  });
});
