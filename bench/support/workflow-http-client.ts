import { Agent, request } from 'node:http';
import { createServer } from 'node:net';

export interface JsonResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * A minimal JSON client on node:http with keep-alive sockets (one per concurrent client at most),
 * cheap enough that the server, not the client, is what a run measures.
 */
export class HttpJsonClient {
  private readonly agent: Agent;

  constructor(
    private readonly host: string,
    private readonly port: number,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  post(path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return this.send('POST', path, token, payload, headers);
  }

  get(path: string, token?: string): Promise<JsonResponse> {
    return this.send('GET', path, token, undefined, {});
  }

  private async send(
    method: string,
    path: string,
    token: string | undefined,
    payload: Buffer | undefined,
    headers: Record<string, string>,
  ): Promise<JsonResponse> {
    try {
      return await this.sendOnce(method, path, token, payload, headers);
    } catch (error) {
      // A keep-alive socket the server closed as idle (its keepAliveTimeout) just as this request
      // went out on it: the server never read the request, so sending it again is safe (Node's docs).
      if ((error as { retryable?: boolean }).retryable) return this.sendOnce(method, path, token, payload, headers);
      throw error;
    }
  }

  private sendOnce(
    method: string,
    path: string,
    token: string | undefined,
    payload: Buffer | undefined,
    headers: Record<string, string>,
  ): Promise<JsonResponse> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': String(payload.length) }
              : { 'content-length': '0' }),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: Record<string, unknown>;
            try {
              parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
            } catch {
              parsed = { text };
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        reject(req.reusedSocket && error.code === 'ECONNRESET' ? Object.assign(error, { retryable: true }) : error);
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Throws with the answer when the status is not the expected one. */
export function expectStatus(response: JsonResponse, status: number, what: string): Record<string, unknown> {
  if (response.status !== status)
    throw new Error(
      `${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`,
    );
  return response.body;
}

/** A TCP port nothing listens on right now (the kernel picks it). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
