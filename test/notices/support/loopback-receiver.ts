import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ReceivedRequest } from '@libs/workflow';

/** What a test receiver does with one request, read whole; `raw` to hold or drop its connection. */
export type ReceiverHandler = (received: ReceivedRequest, response: ServerResponse, raw: IncomingMessage) => void;

/**
 * The HTTP side of the tests' portal receivers: listens on a free loopback port, reads each request
 * whole, and on close ends the connections it was holding (a held request would keep it open).
 */
export class LoopbackReceiver {
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async listen(handle: ReceiverHandler): Promise<LoopbackReceiver> {
    const receiver = new LoopbackReceiver(createServer());
    receiver.server.on(
      'request',
      (request: IncomingMessage, response: ServerResponse) =>
        void readWhole(request).then((received) => handle(received, response, request)),
    );
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/cabinet/notices`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function readWhole(request: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return {
    method: request.method ?? '',
    path: request.url ?? '',
    headers: request.headers as Record<string, string | undefined>,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}
