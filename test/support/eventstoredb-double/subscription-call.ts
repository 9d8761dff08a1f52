/**
 * The server side of one subscription call: writes that wait while the client's flow control holds
 * them back (as the server's bounded channels do), a wait for the next append, and the end of the
 * call from either side — the client's cancel, or the double dropping it (`dropSubscriptions`).
 */
import type * as grpc from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { InMemoryLog } from './log';
import type { OpenCall } from './streams-service';
import { dropped } from './wire';

export class SubscriptionCall {
  private stopped = false;
  private readonly ended: Promise<void>;
  private end!: () => void;
  private wake: (() => void) | undefined;
  private readonly unsubscribe: () => void;
  private readonly handle: OpenCall;

  constructor(
    private readonly call: grpc.ServerWritableStream<ReadReq, ReadResp>,
    private readonly open: Set<OpenCall>,
    log: InMemoryLog,
    /** Called synchronously after every append, before the subscription's loop is woken. */
    onAppended: () => void = () => undefined,
  ) {
    this.ended = new Promise((resolve) => (this.end = resolve));
    this.unsubscribe = log.onAppended(() => {
      onAppended();
      this.wake?.();
    });
    this.handle = {
      drop: () => {
        this.stop();
        call.emit('error', dropped());
      },
    };
    open.add(this.handle);
    call.on('cancelled', () => this.stop());
    call.on('error', () => this.stop());
    call.on('close', () => this.stop());
  }

  get closed(): boolean {
    return this.stopped;
  }

  confirm(): Promise<void> {
    const confirmation = new ReadResp.SubscriptionConfirmation();
    confirmation.setSubscriptionId(randomUUID());
    const resp = new ReadResp();
    resp.setConfirmation(confirmation);
    return this.write(resp);
  }

  /** Writes; resolves once the call takes more (or has ended). */
  async write(resp: ReadResp): Promise<void> {
    if (this.stopped) return;
    if (this.call.write(resp)) return;
    await Promise.race([new Promise((resolve) => this.call.once('drain', resolve)), this.ended]);
  }

  /** Resolves at the next append (or the end of the call). */
  async nextAppend(): Promise<void> {
    if (this.stopped) return;
    await Promise.race([new Promise<void>((resolve) => (this.wake = resolve)), this.ended]);
    this.wake = undefined;
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe();
    this.open.delete(this.handle);
    this.end();
  }
}
