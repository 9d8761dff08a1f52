/**
 * `Streams.Append` (unary, the client's fallback) and `Streams.BatchAppend` (what the client uses
 * when the server advertises it) of the double: the same log and rules (log.ts, commit-check.ts,
 * append-size.ts), each path answering a refusal the way the server does on it.
 */
import * as grpc from '@grpc/grpc-js';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { Empty, StreamIdentifier, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendTooLarge, batchAppendTooLarge, sizeOnDisk } from './append-size';
import type { AppendOutcome, ExpectedRevision, InMemoryLog, ProposedEvent } from './log';
import type { OpenCall } from './streams-service';
import { allPosition, dropped, expectedOf, Fail, fail, isFail, proposedOf, status, streamNameOf } from './wire';

export interface AppendSettings {
  readonly log: InMemoryLog;
  readonly open: Set<OpenCall>;
  readonly maxAppendSize: number;
}

export function appendHandler({ log, maxAppendSize }: AppendSettings): IStreamsServer['append'] {
  return (call, callback) => {
    let streamName: string | undefined;
    let expected: ExpectedRevision | undefined;
    const events: ProposedEvent[] = [];
    let size = 0;
    let answered = false;
    const answer = (error: Fail | null, resp?: AppendResp): void => {
      if (answered) return;
      answered = true;
      callback(error, resp);
    };
    call.on('data', (req: AppendReq) => {
      if (answered) return;
      const options = req.getOptions();
      const message = req.getProposedMessage();
      if (options) {
        streamName = streamNameOf(options.getStreamIdentifier());
        expected = expectedOf(options.getExpectedStreamRevisionCase(), options.getRevision());
        return;
      }
      if (!message || streamName === undefined)
        return answer(fail(grpc.status.INVALID_ARGUMENT, 'Append: options must come first'));
      const event = proposedOf(message);
      if (isFail(event)) return answer(event);
      size += sizeOnDisk(event);
      // Refused as soon as the sum passes the limit, before the client has sent the rest.
      if (size > maxAppendSize) return answer(appendTooLarge(maxAppendSize));
      events.push(event);
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (streamName === undefined || expected === undefined)
        return answer(fail(grpc.status.INVALID_ARGUMENT, 'Append: no options or no expected revision'));
      answer(null, appendResp(log.append(streamName, expected, events)));
    });
  };
}

/** Unary Append reports a wrong expected version as a field of a normal OK answer. */
function appendResp(outcome: AppendOutcome): AppendResp {
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
    return resp;
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.current === 'no_stream') wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(outcome.current.toString());
  const e = outcome.expected;
  if (e.kind === 'revision') wrong.setExpectedRevision(e.revision.toString());
  else if (e.kind === 'any') wrong.setExpectedAny(new Empty());
  else if (e.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else wrong.setExpectedStreamExists(new Empty());
  resp.setWrongExpectedVersion(wrong);
  return resp;
}

interface PendingWrite {
  readonly stream: StreamIdentifier;
  readonly streamName: string;
  readonly expected: ExpectedRevision;
  readonly events: ProposedEvent[];
  size: number;
  failure: Fail | undefined;
}

export function batchAppendHandler({ log, open, maxAppendSize }: AppendSettings): IStreamsServer['batchAppend'] {
  return (call) => {
    const pending = new Map<string, PendingWrite>();
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
      if (options) pending.set(key, pendingWrite(options));
      // A write already answered (refused for its size) ignores its later chunks, as the server does.
      const write = pending.get(key);
      if (!write) return;
      const resp = new BatchAppendResp();
      resp.setCorrelationId(correlation);
      resp.setStreamIdentifier(write.stream);
      for (const message of req.getProposedMessagesList()) {
        const event = proposedOf(message);
        if (isFail(event)) write.failure ??= event;
        else {
          write.events.push(event);
          write.size += sizeOnDisk(event);
        }
      }
      if (write.size > maxAppendSize) {
        pending.delete(key);
        resp.setError(batchAppendTooLarge(maxAppendSize));
        call.write(resp);
        return;
      }
      if (!req.getIsFinal()) return;
      pending.delete(key);
      if (write.failure) {
        resp.setError(
          status(Code.INVALID_ARGUMENT, write.failure.details, 'event_store.client.BadRequest', new Empty()),
        );
      } else {
        answerBatch(resp, log.append(write.streamName, write.expected, write.events));
      }
      call.write(resp);
    });
  };
}

function pendingWrite(options: BatchAppendReq.Options): PendingWrite {
  const stream = options.getStreamIdentifier() ?? new StreamIdentifier();
  const expected = expectedOf(options.getExpectedStreamPositionCase(), options.getStreamPosition());
  return {
    stream,
    streamName: streamNameOf(stream),
    expected: expected ?? { kind: 'any' },
    events: [],
    size: 0,
    failure: expected ? undefined : fail(grpc.status.INVALID_ARGUMENT, 'BatchAppend: no expected stream position'),
  };
}

/**
 * Success, or a wrong expected version as an error status (code ALREADY_EXISTS, as the server does)
 * whose details pack an `event_store.client.WrongExpectedVersion`.
 */
function answerBatch(resp: BatchAppendResp, outcome: AppendOutcome): void {
  if (outcome.kind === 'success') {
    const success = new BatchAppendResp.Success();
    if (outcome.currentRevision === 'no_stream') success.setNoStream(new GoogleEmpty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position === undefined) success.setNoPosition(new GoogleEmpty());
    else success.setPosition(allPosition(outcome.position));
    resp.setSuccess(success);
    return;
  }
  const wrong = new WrongExpectedVersion();
  if (outcome.current === 'no_stream') wrong.setCurrentNoStream(new GoogleEmpty());
  else wrong.setCurrentStreamRevision(outcome.current.toString());
  const e = outcome.expected;
  if (e.kind === 'revision') wrong.setExpectedStreamPosition(e.revision.toString());
  else if (e.kind === 'any') wrong.setExpectedAny(new GoogleEmpty());
  else if (e.kind === 'no_stream') wrong.setExpectedNoStream(new GoogleEmpty());
  else wrong.setExpectedStreamExists(new GoogleEmpty());
  resp.setError(status(Code.ALREADY_EXISTS, 'WrongExpectedVersion', 'event_store.client.WrongExpectedVersion', wrong));
}
