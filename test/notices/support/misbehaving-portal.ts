import type { IncomingMessage, ServerResponse } from 'node:http';
import { ReceivingPortal, type ReceivedRequest } from '@libs/workflow';
import { LoopbackReceiver } from './loopback-receiver';

/**
 * How the portal answers one request: `ok` 200; `error` 500 without applying; `hang` never answers
 * (the service's timeout ends it); `drop` closes the connection without applying; `lose-answer`
 * applies the notice, then closes the connection before answering — so the service sends it again
 * and the portal receives a duplicate.
 */
export type Behaviour = 'ok' | 'error' | 'hang' | 'drop' | 'lose-answer';

/**
 * A real HTTP receiver in front of `ReceivingPortal` (which checks the signature and applies each
 * notice id once), misbehaving as `next()` says, request by request. It counts what it saw.
 */
export class MisbehavingPortal {
  readonly portal: ReceivingPortal;
  readonly seen: Record<Behaviour, number> = { ok: 0, error: 0, hang: 0, drop: 0, 'lose-answer': 0 };
  requests = 0;
  refused = 0;
  private http: LoopbackReceiver | undefined;

  private constructor(
    publicKeyPem: string,
    now: () => Date,
    private readonly next: () => Behaviour,
  ) {
    this.portal = new ReceivingPortal(publicKeyPem, now);
  }

  static async start(publicKeyPem: string, now: () => Date, next: () => Behaviour): Promise<MisbehavingPortal> {
    const receiver = new MisbehavingPortal(publicKeyPem, now, next);
    receiver.http = await LoopbackReceiver.listen((received, response, raw) =>
      receiver.handle(received, response, raw),
    );
    return receiver;
  }

  get url(): string {
    return this.http!.url;
  }

  async close(): Promise<void> {
    await this.http?.close();
  }

  private handle(received: ReceivedRequest, response: ServerResponse, request: IncomingMessage): void {
    this.requests += 1;
    const behaviour = this.next();
    this.seen[behaviour] += 1;
    switch (behaviour) {
      case 'error':
        response.writeHead(500).end('{"error":"portal unavailable"}');
        return;
      case 'hang':
        return;
      case 'drop':
        request.socket.destroy();
        return;
      case 'lose-answer':
        this.portal.receive(received);
        request.socket.destroy();
        return;
      case 'ok': {
        const reception = this.portal.receive(received);
        if (reception.status !== 200) this.refused += 1;
        response.writeHead(reception.status, { 'content-type': 'application/json' }).end(JSON.stringify(reception));
      }
    }
  }
}
