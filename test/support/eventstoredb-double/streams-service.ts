/**
 * `event_store.client.streams.Streams` of {@link EventStoreDbWireDouble}: unary `Append`,
 * `BatchAppend`, and `Read` (stream reads, `$all` reads, subscriptions). Built on the client's own
 * generated messages, so what goes over the wire is what a real server sends: every 64-bit field a
 * decimal string, event ids as lower-case UUID strings, `created` as 100-ns ticks since the epoch.
 */
import * as grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import {
  AllStreamPosition,
  Empty,
  StreamIdentifier,
  UUID,
  WrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
} from '@eventstore/db-client/generated/streams_pb';
import type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import { comparePositions, ExpectedRevision, InMemoryLog, LoggedEvent, normaliseEventId, ProposedEvent } from './log';

/** A call the double can end from its side, as a dropped connection would. */
export interface OpenCall {
  drop(): void;
}

type Fail = { code: grpc.status; details: string };
const fail = (code: grpc.status, details: string): Fail => ({ code, details });

export function streamsService(log: InMemoryLog, open: Set<OpenCall>, checkpointEvery: number): IStreamsServer {
  return {
    append(call, callback) {
      let streamName: string | undefined;
      let expected: ExpectedRevision | undefined;
      const events: ProposedEvent[] = [];
      let failure: Fail | undefined;
      call.on('data', (req: AppendReq) => {
        if (failure) return;
        const options = req.getOptions();
        const message = req.getProposedMessage();
        if (options) {
          streamName = streamNameOf(options.getStreamIdentifier());
          expected = expectedOf(options.getExpectedStreamRevisionCase(), options.getRevision());
        } else if (message && streamName !== undefined) {
          const event = proposedOf(message);
          if ('code' in event) failure = event;
          else events.push(event);
        } else {
          failure = fail(grpc.status.INVALID_ARGUMENT, 'Append: options must come first');
        }
      });
      call.on('error', () => undefined);
      call.on('end', () => {
        if (failure || streamName === undefined || expected === undefined) {
          return callback(failure ?? fail(grpc.status.INVALID_ARGUMENT, 'Append: no options or no expected revision'));
        }
        const outcome = log.append(streamName, expected, events);
        const resp = new AppendResp();
        if (outcome.kind === 'success') {
          const success = new AppendResp.Success();
          if (outcome.currentRevision === 'no_stream') success.setNoStream(new Empty());
          else success.setCurrentRevision(outcome.currentRevision.toString());
          if (outcome.position === undefined) success.setNoPosition(new Empty());
          else {
            const position = new AppendResp.Position();
            position.setCommitPosition(outcome.position.toString());
            position.setPreparePosition(outcome.position.toString());
            success.setPosition(position);
          }
          resp.setSuccess(success);
        } else {
          // Unary Append reports a wrong expected version as a field of a normal OK answer.
          const wrong = new AppendResp.WrongExpectedVersion();
          if (outcome.current === 'no_stream') wrong.setCurrentNoStream(new Empty());
          else wrong.setCurrentRevision(outcome.current.toString());
          const e = outcome.expected;
          if (e.kind === 'revision') wrong.setExpectedRevision(e.revision.toString());
          else if (e.kind === 'any') wrong.setExpectedAny(new Empty());
          else if (e.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
          else wrong.setExpectedStreamExists(new Empty());
          resp.setWrongExpectedVersion(wrong);
        }
        callback(null, resp);
      });
    },

    batchAppend(call) {
      const pending = new Map<
        string,
        {
          stream: StreamIdentifier;
          streamName: string;
          expected: ExpectedRevision;
          events: ProposedEvent[];
          failure: Fail | undefined;
        }
      >();
      const handle: OpenCall = { drop: () => call.emit('error', dropped()) };
      open.add(handle);
      const close = (): void => void open.delete(handle);
      call.on('cancelled', close);
      call.on('error', close);
      call.on('end', () => {
        close();
        call.end();
      });
      call.on('data', (req: BatchAppendReq) => {
        const correlation = req.getCorrelationId();
        const key = correlation?.getString() ?? '';
        const options = req.getOptions();
        if (options) {
          const stream = options.getStreamIdentifier() ?? new StreamIdentifier();
          const expected = expectedOf(options.getExpectedStreamPositionCase(), options.getStreamPosition());
          const failure = expected
            ? undefined
            : fail(grpc.status.INVALID_ARGUMENT, 'BatchAppend: no expected stream position');
          pending.set(key, {
            stream,
            streamName: streamNameOf(stream),
            expected: expected ?? { kind: 'any' },
            events: [],
            failure,
          });
        }
        const write = pending.get(key);
        if (!write) return;
        for (const message of req.getProposedMessagesList()) {
          const event = proposedOf(message);
          if ('code' in event) write.failure ??= event;
          else write.events.push(event);
        }
        if (!req.getIsFinal()) return;
        pending.delete(key);
        const resp = new BatchAppendResp();
        resp.setCorrelationId(correlation);
        resp.setStreamIdentifier(write.stream);
        if (write.failure) {
          resp.setError(
            status(Code.INVALID_ARGUMENT, write.failure.details, 'event_store.client.BadRequest', new Empty()),
          );
          call.write(resp);
          return;
        }
        const outcome = log.append(write.streamName, write.expected, write.events);
        if (outcome.kind === 'success') {
          const success = new BatchAppendResp.Success();
          if (outcome.currentRevision === 'no_stream') success.setNoStream(new GoogleEmpty());
          else success.setCurrentRevision(outcome.currentRevision.toString());
          if (outcome.position === undefined) success.setNoPosition(new GoogleEmpty());
          else success.setPosition(allPosition(outcome.position));
          resp.setSuccess(success);
        } else {
          // BatchAppend reports it as an error status (code ALREADY_EXISTS, as the server does)
          // whose details pack an `event_store.client.WrongExpectedVersion`.
          const wrong = new WrongExpectedVersion();
          if (outcome.current === 'no_stream') wrong.setCurrentNoStream(new GoogleEmpty());
          else wrong.setCurrentStreamRevision(outcome.current.toString());
          const e = outcome.expected;
          if (e.kind === 'revision') wrong.setExpectedStreamPosition(e.revision.toString());
          else if (e.kind === 'any') wrong.setExpectedAny(new GoogleEmpty());
          else if (e.kind === 'no_stream') wrong.setExpectedNoStream(new GoogleEmpty());
          else wrong.setExpectedStreamExists(new GoogleEmpty());
          resp.setError(
            status(Code.ALREADY_EXISTS, 'WrongExpectedVersion', 'event_store.client.WrongExpectedVersion', wrong),
          );
        }
        call.write(resp);
      });
    },

    read(call) {
      const options = call.request.getOptions();
      const reject = (f: Fail): void => void call.emit('error', f);
      if (!options) return reject(fail(grpc.status.INVALID_ARGUMENT, 'Read: no options'));
      if (options.getUuidOption()?.hasStructured()) {
        return reject(fail(grpc.status.UNIMPLEMENTED, 'EventStoreDbWireDouble: structured UUIDs are not implemented'));
      }
      const filter = filterOf(options);
      if ('code' in filter) return reject(filter);
      const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
      const subscription = options.getCountOptionCase() === ReadReq.Options.CountOptionCase.SUBSCRIPTION;
      const streamOptions = options.getStream();
      const allOptions = options.getAll();
      if (streamOptions && filter.predicate)
        return reject(fail(grpc.status.INVALID_ARGUMENT, 'Read: a filter applies to $all only'));
      if (subscription && backwards)
        return reject(fail(grpc.status.INVALID_ARGUMENT, 'Read: subscriptions go forwards'));

      if (!subscription) {
        let count = BigInt(options.getCount() || '0');
        for (const event of streamOptions
          ? readStream(log, streamOptions, backwards)
          : readAll(log, allOptions, backwards)) {
          if (event === 'stream_not_found') {
            const notFound = new ReadResp.StreamNotFound();
            notFound.setStreamIdentifier(streamOptions!.getStreamIdentifier());
            const resp = new ReadResp();
            resp.setStreamNotFound(notFound);
            call.write(resp);
            break;
          }
          if (count <= 0n) break;
          if (filter.predicate && !filter.predicate(event)) continue;
          count--;
          call.write(eventResp(event));
        }
        call.end();
        return;
      }

      // Subscription: confirmation, catch-up, caught_up, then live. One cursor over the log that
      // every append pushes forwards (synchronously), so nothing is missed or sent twice.
      let next: number;
      let predicate: (event: LoggedEvent) => boolean = filter.predicate ?? (() => true);
      let checkpointAt: bigint | undefined;
      // Events at or before the start position are never sent nor scanned, live ones included (a
      // position past the head means "only what comes after it", as on a real server).
      let after: (event: LoggedEvent) => boolean = () => true;
      if (streamOptions) {
        const name = streamNameOf(streamOptions.getStreamIdentifier());
        const revisionCase = streamOptions.getRevisionOptionCase();
        const fromRevision =
          revisionCase === ReadReq.Options.StreamOptions.RevisionOptionCase.REVISION
            ? BigInt(streamOptions.getRevision())
            : undefined;
        next = revisionCase === ReadReq.Options.StreamOptions.RevisionOptionCase.END ? log.events.length : 0;
        predicate = (event) =>
          event.streamName === name && (fromRevision === undefined || event.revision > fromRevision);
      } else if (allOptions?.hasPosition()) {
        const from = positionOf(allOptions.getPosition()!);
        after = (event) => comparePositions(at(event.position), from) > 0; // exclusive
        next = log.events.findIndex(after);
        if (next < 0) next = log.events.length;
        checkpointAt = from.commit;
      } else {
        next = allOptions?.hasEnd() ? log.events.length : 0;
      }
      const interval = filter.predicate ? filter.checkpointMultiplier * (filter.maxSearchWindow ?? checkpointEvery) : 0;
      let scanned = 0;
      let lastCheckpoint: bigint | undefined;
      let caughtUp = false;
      let waiting = false;
      let closed = false;

      const sendCheckpoint = (position: bigint): boolean => {
        scanned = 0;
        if (lastCheckpoint !== undefined && position <= lastCheckpoint) return true;
        lastCheckpoint = position;
        const checkpoint = new ReadResp.Checkpoint();
        checkpoint.setCommitPosition(position.toString());
        checkpoint.setPreparePosition(position.toString());
        const resp = new ReadResp();
        resp.setCheckpoint(checkpoint);
        return call.write(resp);
      };
      const pump = (): void => {
        if (closed || waiting) return;
        let ok = true;
        while (ok && next < log.events.length) {
          const event = log.events[next++]!;
          if (!after(event)) continue;
          if (predicate(event)) ok = call.write(eventResp(event));
          if (interval > 0) {
            checkpointAt = event.position;
            if (++scanned >= interval) ok = sendCheckpoint(event.position) && ok;
          }
        }
        if (ok && !caughtUp) {
          caughtUp = true;
          // Like recent servers: a filtered subscription checkpoints where catch-up ended.
          if (interval > 0 && checkpointAt !== undefined) ok = sendCheckpoint(checkpointAt) && ok;
          const resp = new ReadResp();
          resp.setCaughtUp(new ReadResp.CaughtUp());
          ok = call.write(resp) && ok;
        }
        if (!ok) {
          waiting = true;
          call.once('drain', () => {
            waiting = false;
            pump();
          });
        }
      };
      const unsubscribe = log.onAppended(pump);
      const handle: OpenCall = {
        drop: () => {
          stop();
          call.emit('error', dropped());
        },
      };
      const stop = (): void => {
        closed = true;
        unsubscribe();
        open.delete(handle);
      };
      open.add(handle);
      call.on('cancelled', stop);
      call.on('error', stop);
      call.on('close', stop);

      const confirmation = new ReadResp.SubscriptionConfirmation();
      confirmation.setSubscriptionId(randomUUID());
      const resp = new ReadResp();
      resp.setConfirmation(confirmation);
      call.write(resp);
      pump();
    },

    delete(_call, callback) {
      callback(fail(grpc.status.UNIMPLEMENTED, 'EventStoreDbWireDouble: deletes are not implemented'));
    },
    tombstone(_call, callback) {
      callback(fail(grpc.status.UNIMPLEMENTED, 'EventStoreDbWireDouble: tombstones are not implemented'));
    },
  };
}

function* readStream(
  log: InMemoryLog,
  options: ReadReq.Options.StreamOptions,
  backwards: boolean,
): Generator<LoggedEvent | 'stream_not_found'> {
  const events = log.stream(streamNameOf(options.getStreamIdentifier()));
  if (!events || events.length === 0) {
    yield 'stream_not_found';
    return;
  }
  const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
  const last = events.length - 1;
  const revision = options.getRevisionOptionCase() === Case.REVISION ? BigInt(options.getRevision()) : undefined;
  if (backwards) {
    const from =
      options.getRevisionOptionCase() === Case.START
        ? 0
        : revision === undefined || revision > BigInt(last)
          ? last
          : Number(revision);
    for (let i = from; i >= 0; i--) yield events[i]!;
  } else {
    const from =
      options.getRevisionOptionCase() === Case.END
        ? events.length
        : revision === undefined
          ? 0
          : revision > BigInt(last)
            ? events.length
            : Number(revision);
    for (let i = from; i < events.length; i++) yield events[i]!;
  }
}

function* readAll(
  log: InMemoryLog,
  options: ReadReq.Options.AllOptions | undefined,
  backwards: boolean,
): Generator<LoggedEvent> {
  const events = log.events;
  const from = options?.hasPosition() ? positionOf(options.getPosition()!) : undefined;
  if (backwards) {
    if (options?.hasStart()) return;
    // Backwards from a position: records that end at or before it (the server compares post-positions).
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      if (from === undefined || comparePositions(at(event.postPosition), from) <= 0) yield event;
    }
  } else {
    if (options?.hasEnd()) return;
    // Forwards from a position: inclusive.
    for (const event of events) if (from === undefined || comparePositions(at(event.position), from) >= 0) yield event;
  }
}

interface Filter {
  predicate?: (event: LoggedEvent) => boolean;
  maxSearchWindow?: number;
  checkpointMultiplier: number;
}

function filterOf(options: ReadReq.Options): Filter | Fail {
  const filter = options.getFilter();
  if (!filter) return { checkpointMultiplier: 0 };
  const onStream = filter.getFilterCase() === ReadReq.Options.FilterOptions.FilterCase.STREAM_IDENTIFIER;
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expression) return fail(grpc.status.INVALID_ARGUMENT, 'Read: filter without an expression');
  if (expression.getRegex()) {
    return fail(grpc.status.UNIMPLEMENTED, 'EventStoreDbWireDouble: regex filters are not implemented; use prefixes');
  }
  const multiplier = filter.getCheckpointintervalmultiplier();
  if (multiplier <= 0) return fail(grpc.status.INVALID_ARGUMENT, 'Read: checkpointIntervalMultiplier must be > 0');
  const prefixes = expression.getPrefixList();
  return {
    // Like the server's prefix filter: no prefix matches nothing.
    predicate: (event) => prefixes.some((prefix) => (onStream ? event.streamName : event.type).startsWith(prefix)),
    maxSearchWindow: filter.hasMax() ? filter.getMax() : undefined,
    checkpointMultiplier: multiplier,
  };
}

function eventResp(event: LoggedEvent): ReadResp {
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

function proposedOf(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent | Fail {
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

function expectedOf(
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

function status(code: Code, message: string, typeName: string, details: { serializeBinary(): Uint8Array }): Status {
  const any = new Any();
  any.pack(details.serializeBinary(), typeName);
  const result = new Status();
  result.setCode(code);
  result.setMessage(message);
  result.setDetails(any);
  return result;
}

function allPosition(position: bigint): AllStreamPosition {
  const result = new AllStreamPosition();
  result.setCommitPosition(position.toString());
  result.setPreparePosition(position.toString());
  return result;
}

function dropped(): Fail {
  return fail(grpc.status.UNAVAILABLE, 'EventStoreDbWireDouble dropped the call');
}

function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

function streamIdentifier(name: string): StreamIdentifier {
  const identifier = new StreamIdentifier();
  identifier.setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));
  return identifier;
}

function positionOf(position: ReadReq.Options.Position): { commit: bigint; prepare: bigint } {
  return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
}

function at(position: bigint): { commit: bigint; prepare: bigint } {
  return { commit: position, prepare: position };
}
