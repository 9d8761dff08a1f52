import type { ServerResponse } from 'node:http';
import { ReceivingPortal, type ReceivedRequest } from '@libs/workflow';
import { LoopbackReceiver } from '../../notices/support/loopback-receiver';

/**
 * Where a kill lands in one delivery, as the portal sees it:
 * - `before-apply`: the request arrived and is held unanswered, not applied — the service dies
 *   mid-request, the notice is still owed;
 * - `applied-unanswered`: applied, then the answer is held — the portal has the notice, the service
 *   never learns it (the lost-answer window);
 * - `applied-answered`: applied and answered 200, and the kill goes the moment the answer is written
 *   — before, or racing, the service's `NoticeDelivered` append.
 */
export type Trap = 'before-apply' | 'applied-unanswered' | 'applied-answered';

/** What a sprung trap caught: the notice of the request, and the trap. */
export interface Sprung {
  readonly trap: Trap;
  readonly noticeId: string;
  readonly kind: string;
}

interface Armed {
  readonly trap: Trap;
  /** Requests to let through before the one that is caught. */
  skip: number;
  readonly spring: (sprung: Sprung) => void;
}

/**
 * The personal cabinet of the notice crash test: a real HTTP receiver in front of `ReceivingPortal`
 * (signature checked with the service's public key, each notice id applied once, duplicates counted).
 * Between kills it answers 200, or 500 on the requests `fails()` picks; the test arms a trap to
 * catch one request in the state it wants the service killed in, and kills it when the trap springs.
 */
export class TrappingPortal {
  readonly portal: ReceivingPortal;
  requests = 0;
  /** Signed wrongly, or not a notice: must stay 0. */
  refused = 0;
  /** Answered 500 on purpose (backoff and crashes together). */
  failedOnPurpose = 0;
  private armed: Armed | undefined;
  private http: LoopbackReceiver | undefined;

  private constructor(
    publicKeyPem: string,
    now: () => Date,
    private readonly fails: () => boolean,
  ) {
    this.portal = new ReceivingPortal(publicKeyPem, now);
  }

  static async start(publicKeyPem: string, now: () => Date, fails: () => boolean): Promise<TrappingPortal> {
    const receiver = new TrappingPortal(publicKeyPem, now, fails);
    receiver.http = await LoopbackReceiver.listen((received, response) => receiver.handle(received, response));
    return receiver;
  }

  get url(): string {
    return this.http!.url;
  }

  /** Catches the request after `skip` more, as `trap` says; resolves when it has. One trap at a time. */
  arm(trap: Trap, skip: number): Promise<Sprung> {
    if (this.armed) throw new Error('a trap is already armed');
    return new Promise((spring) => (this.armed = { trap, skip, spring }));
  }

  /** Takes back a trap that did not spring (the test killed anyway). */
  disarm(): void {
    this.armed = undefined;
  }

  async close(): Promise<void> {
    await this.http?.close();
  }

  private handle(received: ReceivedRequest, response: ServerResponse): void {
    this.requests += 1;
    const trap = this.takeTrap();
    if (trap?.trap === 'before-apply') {
      // Held, never answered: the kill ends the connection.
      trap.spring({ trap: trap.trap, ...noticeOf(received) });
      return;
    }
    if (!trap && this.fails()) {
      this.failedOnPurpose += 1;
      response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"cabinet unavailable"}');
      return;
    }
    const reception = this.portal.receive(received);
    if (reception.status !== 200) this.refused += 1;
    if (trap?.trap === 'applied-unanswered') {
      trap.spring({ trap: trap.trap, ...noticeOf(received) });
      return;
    }
    response
      .writeHead(reception.status, { 'content-type': 'application/json' })
      .end(JSON.stringify(reception), () => trap?.spring({ trap: trap.trap, ...noticeOf(received) }));
  }

  private takeTrap(): Armed | undefined {
    const armed = this.armed;
    if (!armed) return undefined;
    if (armed.skip > 0) {
      armed.skip -= 1;
      return undefined;
    }
    this.armed = undefined;
    return armed;
  }
}

function noticeOf(request: ReceivedRequest): { noticeId: string; kind: string } {
  try {
    const body = JSON.parse(request.body) as { noticeId?: unknown; kind?: unknown };
    return { noticeId: String(body.noticeId), kind: String(body.kind) };
  } catch {
    return { noticeId: '?', kind: '?' };
  }
}
