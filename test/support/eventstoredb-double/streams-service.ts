/**
 * `event_store.client.streams.Streams` of {@link EventStoreDbWireDouble}: unary `Append`,
 * `BatchAppend` (append-handlers.ts) and `Read` — reads and subscriptions (read-handler.ts). Built on
 * the client's own generated messages, so what goes over the wire is what a real server sends.
 */
import * as grpc from '@grpc/grpc-js';
import type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler, AppendSettings, batchAppendHandler } from './append-handlers';
import { readHandler } from './read-handler';
import { fail } from './wire';

/** A call the double can end from its side, as a dropped connection would. */
export interface OpenCall {
  drop(): void;
}

export function streamsService(settings: AppendSettings): IStreamsServer {
  return {
    append: appendHandler(settings),
    batchAppend: batchAppendHandler(settings),
    read: readHandler(settings.log, settings.open),
    delete(_call, callback) {
      callback(fail(grpc.status.UNIMPLEMENTED, 'EventStoreDbWireDouble: deletes are not implemented'));
    },
    tombstone(_call, callback) {
      callback(fail(grpc.status.UNIMPLEMENTED, 'EventStoreDbWireDouble: tombstones are not implemented'));
    },
  };
}
