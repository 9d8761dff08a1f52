import { jwtSettings, mintToken } from '@libs/auth';
import type { Role } from '@libs/auth';
import type { CrashServer } from '../crash/server-control';

/** Bound on one HTTP exchange: an answer normally takes milliseconds; this only stops a hung test. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Bound on an instance becoming ready after it listens (subscriptions catching up on a busy machine). */
const READY_TIMEOUT_MS = 60_000;

export interface Reply {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON of several endpoints, like supertest's body
  readonly body: any;
}

/**
 * HTTP to one back-office process over a real socket, with bearer tokens minted under the secret
 * every instance of the store shares (a token minted for one is good on the other), at the instant
 * of the test's clock file.
 */
export class InstanceClient {
  constructor(
    readonly name: string,
    private readonly server: CrashServer,
    private readonly env: NodeJS.ProcessEnv,
    private readonly now: string,
  ) {}

  async send(
    role: Role,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<Reply> {
    const token = mintToken(jwtSettings(this.env), { id: `${role}-1`, role }, new Date(this.now), 3600);
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch(`${this.server.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  }

  /**
   * Resolves once `/health/ready` answers 200, polling it (a short pause between polls so as not to
   * spin); fails with the instance's last output if it is not ready within a generous bound.
   */
  async ready(): Promise<void> {
    const deadline = performance.now() + READY_TIMEOUT_MS;
    let last: string;
    for (;;) {
      try {
        const response = await fetch(`${this.server.baseUrl}/health/ready`, {
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (response.status === 200) return;
        last = `${response.status} ${(await response.text()).slice(0, 300)}`;
      } catch (error) {
        last = (error as Error).message;
      }
      if (performance.now() > deadline)
        throw new Error(
          `instance ${this.name} not ready within ${READY_TIMEOUT_MS} ms (last: ${last}):\n${this.server.recentOutput(30)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
