/**
 * `Streams.Read` of the double: counted reads of a stream or of `$all` (reads.ts), and subscriptions
 * — to one stream or unfiltered to `$all` (catch-up-subscription.ts), filtered to `$all`
 * (filtered-subscription.ts, with the server's checkpoints).
 */
import * as grpc from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import { runCatchUpSubscription, subscriptionCursor } from './catch-up-subscription';
import { allFilter, EventPredicate } from './event-filter';
import { FilteredAllSubscription } from './filtered-subscription';
import type { InMemoryLog } from './log';
import { readAll, readStream } from './reads';
import type { OpenCall } from './streams-service';
import { SubscriptionCall } from './subscription-call';
import { eventResp, Fail, fail, isFail } from './wire';

interface Filter {
  readonly allowed: EventPredicate;
  readonly maxSearchWindow: number | undefined;
  readonly checkpointIntervalMultiplier: number;
}

export function readHandler(log: InMemoryLog, open: Set<OpenCall>): IStreamsServer['read'] {
  return (call) => {
    const options = call.request.getOptions();
    const reject = (f: Fail): void => void call.emit('error', f);
    if (!options) return reject(fail(grpc.status.INVALID_ARGUMENT, 'Read: no options'));
    if (options.getUuidOption()?.hasStructured()) {
      return reject(fail(grpc.status.UNIMPLEMENTED, 'EventStoreDbWireDouble: structured UUIDs are not implemented'));
    }
    const filter = filterOf(options);
    if (filter !== undefined && isFail(filter)) return reject(filter);
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const subscription = options.getCountOptionCase() === ReadReq.Options.CountOptionCase.SUBSCRIPTION;
    const streamOptions = options.getStream();
    if (streamOptions && filter)
      return reject(fail(grpc.status.INVALID_ARGUMENT, 'Read: a filter applies to $all only'));
    if (subscription && backwards) return reject(fail(grpc.status.INVALID_ARGUMENT, 'Read: subscriptions go forwards'));

    if (!subscription) {
      let count = BigInt(options.getCount() || '0');
      for (const event of streamOptions
        ? readStream(log, streamOptions, backwards)
        : readAll(log, options.getAll(), backwards)) {
        if (event === 'stream_not_found') {
          const notFound = new ReadResp.StreamNotFound();
          notFound.setStreamIdentifier(streamOptions!.getStreamIdentifier());
          const resp = new ReadResp();
          resp.setStreamNotFound(notFound);
          call.write(resp);
          break;
        }
        if (count <= 0n) break;
        if (filter && !filter.allowed(event)) continue;
        count--;
        call.write(eventResp(event));
      }
      call.end();
      return;
    }

    if (filter) {
      const filtered = new FilteredAllSubscription(log, filter);
      const running = filtered.run(options.getAll(), new SubscriptionCall(call, open, log, filtered.queueLive));
      return void running.catch((error: unknown) => reject(internal(error)));
    }
    const running = runCatchUpSubscription(
      log,
      subscriptionCursor(log, options),
      new SubscriptionCall(call, open, log),
    );
    void running.catch((error: unknown) => reject(internal(error)));
  };
}

/** A fault of the double itself, shown to the client rather than swallowed. */
function internal(error: unknown): Fail {
  return fail(
    grpc.status.INTERNAL,
    `EventStoreDbWireDouble: ${error instanceof Error ? error.message : String(error)}`,
  );
}

function filterOf(options: ReadReq.Options): Filter | Fail | undefined {
  const filter = options.getFilter();
  if (!filter) return undefined;
  const onStream = filter.getFilterCase() === ReadReq.Options.FilterOptions.FilterCase.STREAM_IDENTIFIER;
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expression) return fail(grpc.status.INVALID_ARGUMENT, 'Read: filter without an expression');
  const multiplier = filter.getCheckpointintervalmultiplier();
  if (multiplier <= 0) return fail(grpc.status.INVALID_ARGUMENT, 'Read: checkpointIntervalMultiplier must be > 0');
  let allowed: EventPredicate;
  try {
    allowed = allFilter({
      on: onStream ? 'stream' : 'type',
      prefixes: expression.getPrefixList(),
      regex: expression.getRegex(),
    });
  } catch (error) {
    return fail(grpc.status.INVALID_ARGUMENT, `Read: invalid filter regex: ${(error as Error).message}`);
  }
  return {
    allowed,
    maxSearchWindow: filter.hasMax() ? filter.getMax() : undefined,
    checkpointIntervalMultiplier: multiplier,
  };
}
