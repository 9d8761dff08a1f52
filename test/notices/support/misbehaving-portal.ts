import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ReceivingPortal, type ReceivedRequest } from '@libs/workflow';

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
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    publicKeyPem: string,
    now: () => Date,
    private readonly next: () => Behaviour,
  ) {
    this.portal = new ReceivingPortal(publicKeyPem, now);
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('request', (request, response) => void this.handle(request, response));
  }

  static async start(publicKeyPem: string, now: () => Date, next: () => Behaviour): Promise<MisbehavingPortal> {
    const server = createServer();
    const receiver = new MisbehavingPortal(server, publicKeyPem, now, next);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/cabinet/notices`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    this.requests += 1;
    const behaviour = this.next();
    this.seen[behaviour] += 1;
    const received: ReceivedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers as Record<string, string | undefined>,
      body: Buffer.concat(chunks).toString('utf8'),
    };
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
