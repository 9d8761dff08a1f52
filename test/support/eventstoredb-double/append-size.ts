/**
 * The server's limit on one append (EventStore v25.0.0): `MaxAppendSize`, 1 MiB by default
 * (src/EventStore.Core/Configuration/ClusterVNodeOptions.cs), over the events' `Event.SizeOnDisk` —
 * data bytes + custom metadata bytes + 2 × the event type's UTF-16 length (src/EventStore.Core/Data/
 * Event.cs) — summed as the events arrive. Refused the moment the sum passes the limit, nothing
 * written:
 * - unary Append (Grpc/Streams.Append.cs): the call fails with INVALID_ARGUMENT, "Maximum Append Size
 *   of N Exceeded.", trailers `exception: maximum-append-size-exceeded` and `maximum-append-size: N`
 *   (RpcExceptions.MaxAppendSizeExceeded) — the client's convertToCommandError makes it
 *   MaxAppendSizeExceededError;
 * - BatchAppend (Grpc/Streams.BatchAppend.cs): that write's answer is a `google.rpc.Status`
 *   INVALID_ARGUMENT whose details pack `event_store.client.MaximumAppendSizeExceeded`
 *   (Status.MaximumAppendSizeExceeded) — the client's unpackToCommandError makes it
 *   MaxAppendSizeExceededError too; the write's later chunks are ignored.
 * (Before 25.0 `SizeOnDisk` counted the data only, an operator-precedence slip: the double follows 25.0.)
 */
import * as grpc from '@grpc/grpc-js';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { MaximumAppendSizeExceeded } from '@eventstore/db-client/generated/shared_pb';
import type { Status } from '@eventstore/db-client/generated/status_pb';
import type { ProposedEvent } from './log';
import { Fail, fail, status } from './wire';

export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

export function sizeOnDisk(event: ProposedEvent): number {
  return event.data.length + event.customMetadata.length + event.type.length * 2;
}

export function appendTooLarge(maxAppendSize: number): Fail {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'maximum-append-size-exceeded');
  metadata.set('maximum-append-size', String(maxAppendSize));
  return fail(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, metadata);
}

export function batchAppendTooLarge(maxAppendSize: number): Status {
  const details = new MaximumAppendSizeExceeded();
  details.setMaxappendsize(maxAppendSize);
  return status(
    Code.INVALID_ARGUMENT,
    'MaximumAppendSizeExceeded',
    'event_store.client.MaximumAppendSizeExceeded',
    details,
  );
}
