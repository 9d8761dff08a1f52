/**
 * The double's values as the client's own generated messages, and back: every 64-bit field a decimal
 * string, event ids lower-case UUID strings, `created` 100-ns ticks since the epoch, errors as the
 * server shapes them (a gRPC status, or a `google.rpc.Status` inside a BatchAppend answer).
 */
import * as grpc from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { AllStreamPosition, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AppendReq, BatchAppendReq, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { ExpectedRevision, LoggedEvent, normaliseEventId, ProposedEvent } from './log';
import type { TFPos } from './tf-pos';

export type Fail = { code: grpc.status; details: string; metadata?: grpc.Metadata };
export const fail = (code: grpc.status, details: string, metadata?: grpc.Metadata): Fail => ({
  code,
  details,
  ...(metadata ? { metadata } : {}),
});

export function isFail(value: object): value is Fail {
  return 'code' in value && 'details' in value;
}

export function dropped(): Fail {
  return fail(grpc.status.UNAVAILABLE, 'EventStoreDbWireDouble dropped the call');
}

export function eventResp(event: LoggedEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  const id = new UUID();
  id.setString(event.id);
  recorded.setId(id);
  recorded.setStreamIdentifier(streamIdentifier(event.streamName));
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position.toString());
  recorded.setPreparePosition(event.position.toString());
  const metadata = recorded.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('created', event.created.toString());
  metadata.set('content-type', event.isJson ? 'application/json' : 'application/octet-stream');
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.customMetadata);
  const read = new ReadResp.ReadEvent();
  read.setEvent(recorded);
  read.setCommitPosition(event.position.toString());
  const resp = new ReadResp();
  resp.setEvent(read);
  return resp;
}

export function checkpointResp(position: TFPos): ReadResp {
  const checkpoint = new ReadResp.Checkpoint();
  checkpoint.setCommitPosition(position.commit.toString());
  checkpoint.setPreparePosition(position.prepare.toString());
  const resp = new ReadResp();
  resp.setCheckpoint(checkpoint);
  return resp;
}

export function caughtUpResp(): ReadResp {
  const resp = new ReadResp();
  resp.setCaughtUp(new ReadResp.CaughtUp());
  return resp;
}

export function proposedOf(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent | Fail {
  const uuid = message.getId();
  const id = uuid?.hasString() ? normaliseEventId(uuid.getString()) : undefined;
  if (id === undefined)
    return fail(grpc.status.INVALID_ARGUMENT, 'Event id must be a UUID string (structured UUIDs are not implemented)');
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined || contentType === undefined)
    return fail(grpc.status.INVALID_ARGUMENT, 'Required metadata property missing: type, content-type');
  return {
    id,
    type,
    isJson: contentType === 'application/json',
    data: message.getData_asU8().slice(),
    customMetadata: message.getCustomMetadata_asU8().slice(),
  };
}

export function expectedOf(
  kind: AppendReq.Options.ExpectedStreamRevisionCase | BatchAppendReq.Options.ExpectedStreamPositionCase,
  revision: string,
): ExpectedRevision | undefined {
  // The oneof cases are numbered alike in AppendReq.Options and BatchAppendReq.Options: 2 revision, 3 no_stream, 4 any, 5 stream_exists.
  switch (kind) {
    case AppendReq.Options.ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: BigInt(revision) };
    case AppendReq.Options.ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case AppendReq.Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case AppendReq.Options.ExpectedStreamRevisionCase.ANY:
      return { kind: 'any' };
    default:
      return undefined;
  }
}

/** A `google.rpc.Status` whose details pack `details` as `typeName`, as BatchAppend answers errors. */
export function status(
  code: Code,
  message: string,
  typeName: string,
  details: { serializeBinary(): Uint8Array },
): Status {
  const any = new Any();
  any.pack(details.serializeBinary(), typeName);
  const result = new Status();
  result.setCode(code);
  result.setMessage(message);
  result.setDetails(any);
  return result;
}

export function allPosition(position: bigint): AllStreamPosition {
  const result = new AllStreamPosition();
  result.setCommitPosition(position.toString());
  result.setPreparePosition(position.toString());
  return result;
}

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  const identifier = new StreamIdentifier();
  identifier.setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));
  return identifier;
}

export function positionOf(position: ReadReq.Options.Position): TFPos {
  return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
}
