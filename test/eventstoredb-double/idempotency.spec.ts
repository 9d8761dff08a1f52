/**
 * Re-appended event ids, as the server de-duplicates them (EventStore v25.0.0,
 * Services/Storage/ReaderIndex/IndexWriter.cs `CheckCommit`; the double's commit-check.ts): exactly
 * with an expected revision, by a bounded cache with `any` / `stream_exists`. Both append paths.
 */
import {
  ANY,
  EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  type EventData,
} from '@eventstore/db-client';
import { EventStoreDbWireDouble, type WireDoubleOptions } from '../support/eventstoredb-double';
import { collect, typeOf } from './recorder';

describe.each([
  ['BatchAppend', true],
  ['unary Append', false],
])('EventStoreDbWireDouble: re-appended event ids (%s)', (_label, batchAppend) => {
  let double: EventStoreDbWireDouble;
  let client: EventStoreDBClient;

  async function start(options: WireDoubleOptions = {}): Promise<void> {
    double = await EventStoreDbWireDouble.start({ batchAppend, systemEvents: false, ...options });
    client = EventStoreDBClient.connectionString(double.connectionString);
  }

  afterEach(async () => {
    await client?.dispose();
    await double?.stop();
  });

  const events = (...types: string[]): EventData[] => types.map((type) => jsonEvent({ type, data: {} }));
  const typesIn = async (stream: string): Promise<string[]> => (await collect(client.readStream(stream))).map(typeOf);

  it('with an exact revision behind the stream: a repeat when the ids are the events right after it, checked against the stream', async () => {
    // A cache of ~1 entry: what is checked here is the stream itself, not the cache.
    await start({ committedEventsCacheBytes: 1 });
    const [a, b, c] = events('A', 'B', 'C');
    const first = await client.appendToStream('s', [a!, b!], { expectedRevision: NO_STREAM });
    await client.appendToStream('s', [c!], { expectedRevision: 1n });
    await expect(client.appendToStream('s', [a!, b!], { expectedRevision: NO_STREAM })).resolves.toEqual(first);
    await expect(client.appendToStream('s', [b!], { expectedRevision: 0n })).resolves.toMatchObject({
      nextExpectedRevision: 1n,
    });
    // The first id not at its place: a conflict; a later one: a conflict too (corrupted idempotency).
    await expect(client.appendToStream('s', [b!], { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    await expect(
      client.appendToStream('s', [a!, ...events('X')], { expectedRevision: NO_STREAM }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    // Past the end of the stream: the ids found go, the missing one is a conflict.
    await expect(client.appendToStream('s', [b!, c!, ...events('Y')], { expectedRevision: 0n })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(await typesIn('s')).toEqual(['A', 'B', 'C']);
  });

  it('with the exact revision the stream is at, writes the same ids again', async () => {
    await start();
    const [a] = events('A');
    await client.appendToStream('s', [a!], { expectedRevision: NO_STREAM });
    await expect(client.appendToStream('s', [a!], { expectedRevision: 0n })).resolves.toMatchObject({
      nextExpectedRevision: 1n,
    });
    expect(await typesIn('s')).toEqual(['A', 'A']);
  });

  it('with any or stream_exists: a repeat when every id is in the cache of recent commits, wherever it is in the stream', async () => {
    await start();
    const [a, b, c] = events('A', 'B', 'C');
    await client.appendToStream('s', [a!, b!], { expectedRevision: ANY });
    await client.appendToStream('s', [c!], { expectedRevision: ANY });
    await expect(client.appendToStream('s', [a!, b!], { expectedRevision: ANY })).resolves.toMatchObject({
      nextExpectedRevision: 1n,
    });
    await expect(client.appendToStream('s', [a!], { expectedRevision: STREAM_EXISTS })).resolves.toMatchObject({
      nextExpectedRevision: 0n,
    });
    // A known id after an unknown one: written again (the first id decides)…
    await client.appendToStream('s', [...events('New'), a!], { expectedRevision: ANY });
    // …an unknown id after a known one: a conflict.
    await expect(client.appendToStream('s', [b!, ...events('Z')], { expectedRevision: ANY })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(await typesIn('s')).toEqual(['A', 'B', 'C', 'New', 'A']);
  });

  it('with any: NOT guaranteed — ids the bounded cache has forgotten are written again', async () => {
    // About a dozen entries; the server's is 8 MiB, forgotten the same way, and empty after a restart.
    await start({ committedEventsCacheBytes: 1_000 });
    const [a, b] = events('A', 'B');
    await client.appendToStream('s', [a!, b!], { expectedRevision: ANY });
    for (let n = 0; n < 20; n++) await client.appendToStream(`other-${n}`, events('Other'), { expectedRevision: ANY });
    await client.appendToStream('s', [a!, b!], { expectedRevision: ANY });
    expect(await typesIn('s')).toEqual(['A', 'B', 'A', 'B']);
    // The exact revision still recognises the first write: it reads the stream.
    await expect(client.appendToStream('s', [a!, b!], { expectedRevision: NO_STREAM })).resolves.toMatchObject({
      nextExpectedRevision: 1n,
    });
  });

  it('refuses stream_exists on a stream never written to', async () => {
    await start();
    await expect(
      client.appendToStream('nowhere', events('A'), { expectedRevision: STREAM_EXISTS }),
    ).rejects.toMatchObject({ constructor: WrongExpectedVersionError, actualVersion: 'no_stream' });
  });
});
