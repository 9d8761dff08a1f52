/**
 * A filtered subscription to `$all`, as the server runs it (EventStore v25.0.0,
 * src/EventStore.Core/Services/Transport/Enumerators/Enumerator.AllSubscriptionFiltered.cs, with the
 * live side in src/EventStore.Core/Services/SubscriptionsService.cs `ProcessEventCommited`):
 *
 * 1. The live side is registered FIRST, at the last indexed position L: from then on every event
 *    committed after L is queued if it passes the filter, and every `checkpointInterval` events
 *    committed (passing or not) a live checkpoint is queued AT THAT EVENT's position.
 *    `checkpointInterval` = the client's `checkpointIntervalMultiplier` × the search window (the
 *    filter's `max`, else the read batch size, 32).
 * 2. The start: none → before the first record; `end` → (L, L); a position → itself. At or past
 *    (L, L) the subscription goes live at once, with no checkpoint.
 * 3. Catch-up reads pages (all-page.ts: up to 32 events passing, up to the window considered) and
 *    sends the events after the last position sent. Once the events considered reach the interval
 *    — at a page boundary only — it sends a checkpoint at the LATER of the last event sent and the
 *    START of this page (a position between records, (C, 0), when nothing passed since); when a
 *    page reaches the end of the log it sends one the same way (even when it repeats the start
 *    position: a subscription resumed from C that finds nothing new sends C again) and goes live.
 * 4. Live: `caught_up`, then the queue, skipping events at or before the last position sent and
 *    checkpoints before it (one EQUAL to it passes here: the caught-up position sent again…).
 * 5. …but what reaches the wire never repeats within one call: `MoveNextAsync` drops an event at or
 *    before the last event sent and a checkpoint at or before the last checkpoint sent.
 *
 * Not modelled: a live queue that overflows (`fell_behind`, back to catch-up), expired reads.
 */
import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { readAllForwardPage } from './all-page';
import type { EventPredicate } from './event-filter';
import type { InMemoryLog, LoggedEvent } from './log';
import type { SubscriptionCall } from './subscription-call';
import { at, compareTFPos, HEAD_OF_TF, maxTFPos, TFPos } from './tf-pos';
import { caughtUpResp, checkpointResp, eventResp, positionOf } from './wire';

/** `Enumerator.ReadBatchSize`: events per page, and the search window when the client sets none. */
export const READ_BATCH_SIZE = 32;

export interface FilteredSubscriptionOptions {
  readonly allowed: EventPredicate;
  readonly maxSearchWindow: number | undefined;
  readonly checkpointIntervalMultiplier: number;
}

type LiveItem = { readonly event: LoggedEvent } | { readonly checkpoint: TFPos };

export class FilteredAllSubscription {
  private readonly window: number;
  private readonly interval: number;
  private readonly lastIndexed: TFPos;
  private readonly live: LiveItem[] = [];
  private liveCounter = 0;
  private seen: bigint;
  /** What went on the wire last (MoveNextAsync's `_currentPosition` / `_currentCheckpoint`). */
  private lastEventSent: TFPos | undefined;
  private lastCheckpointSent: TFPos | undefined;

  constructor(
    private readonly log: InMemoryLog,
    private readonly options: FilteredSubscriptionOptions,
  ) {
    this.window = options.maxSearchWindow ?? READ_BATCH_SIZE;
    this.interval = options.checkpointIntervalMultiplier * this.window;
    const last = log.lastPosition ?? -1n;
    this.lastIndexed = at(last);
    this.seen = last;
  }

  /** Queues what was committed since the last call: the live side of step 1. */
  readonly queueLive = (): void => {
    const events = this.log.events;
    let index = events.length;
    while (index > 0 && events[index - 1]!.position > this.seen) index--;
    for (; index < events.length; index++) {
      const event = events[index]!;
      this.seen = event.position;
      if (this.options.allowed(event)) this.live.push({ event });
      if (++this.liveCounter >= this.interval) {
        this.live.push({ checkpoint: at(event.position) });
        this.liveCounter = 0;
      }
    }
  };

  async run(start: ReadReq.Options.AllOptions | undefined, call: SubscriptionCall): Promise<void> {
    await call.confirm();
    let checkpoint = start?.hasPosition()
      ? positionOf(start.getPosition()!)
      : start?.hasEnd()
        ? this.lastIndexed
        : HEAD_OF_TF;
    if (compareTFPos(checkpoint, this.lastIndexed) < 0) checkpoint = await this.catchUp(checkpoint, call);
    await this.goLive(checkpoint, call);
  }

  private async catchUp(from: TFPos, call: SubscriptionCall): Promise<TFPos> {
    let checkpoint = from;
    let counter = 0;
    // A page read from before the first record starts at (0, 0).
    let pos = compareTFPos(from, HEAD_OF_TF) === 0 ? at(0n) : from;
    while (!call.closed) {
      const page = readAllForwardPage(this.log, pos, READ_BATCH_SIZE, this.window, this.options.allowed);
      for (const event of page.events) {
        if (compareTFPos(at(event.position), checkpoint) <= 0) continue; // the first page starts AT the start
        await this.sendEvent(event, call);
        checkpoint = at(event.position);
      }
      counter += page.considered;
      if (page.endOfStream) {
        checkpoint = maxTFPos(checkpoint, page.currentPos);
        await this.sendCheckpoint(checkpoint, call);
        return checkpoint;
      }
      if (counter >= this.interval) {
        counter %= this.interval;
        checkpoint = maxTFPos(checkpoint, page.currentPos);
        await this.sendCheckpoint(checkpoint, call);
      }
      pos = page.nextPos;
    }
    return checkpoint;
  }

  private async goLive(from: TFPos, call: SubscriptionCall): Promise<void> {
    let checkpoint = from;
    await call.write(caughtUpResp());
    while (!call.closed) {
      const item = this.live.shift();
      if (item === undefined) {
        await call.nextAppend();
        continue;
      }
      if ('event' in item) {
        if (compareTFPos(at(item.event.position), checkpoint) <= 0) continue;
        await this.sendEvent(item.event, call);
        checkpoint = at(item.event.position);
      } else {
        if (compareTFPos(item.checkpoint, checkpoint) < 0) continue;
        await this.sendCheckpoint(item.checkpoint, call);
        checkpoint = item.checkpoint;
      }
    }
  }

  private async sendEvent(event: LoggedEvent, call: SubscriptionCall): Promise<void> {
    const position = at(event.position);
    if (this.lastEventSent && compareTFPos(position, this.lastEventSent) <= 0) return;
    this.lastEventSent = position;
    await call.write(eventResp(event));
  }

  private async sendCheckpoint(position: TFPos, call: SubscriptionCall): Promise<void> {
    if (compareTFPos(position, HEAD_OF_TF) === 0) return; // nothing scanned yet: no checkpoint (KDB-710's failsafe)
    if (this.lastCheckpointSent && compareTFPos(position, this.lastCheckpointSent) <= 0) return;
    this.lastCheckpointSent = position;
    await call.write(checkpointResp(position));
  }
}
