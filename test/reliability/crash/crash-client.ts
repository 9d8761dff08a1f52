import { KANDAS_NAMESPACE, uuidV5 } from '@libs/event-sourcing';
import { jwtSettings, mintToken } from '@libs/auth';
import type { Role } from '@libs/auth';
import type { CrashServer } from './server-control';

/** How long a client waits for the server to come back after a crash before it gives up. */
const RESTART_WAIT_MS = 90_000;
/** Bound on one HTTP exchange: an answer normally takes milliseconds. */
const REQUEST_TIMEOUT_MS = 15_000;
/**
 * Tokens outlive every clock move of the test (about 25 days): a request sent with a token minted
 * just before the clock jumps must not be refused as expired while it is in flight.
 */
const TOKEN_TTL_SECONDS = 40 * 24 * 3600;
/** Bound on the tries of one request (crashes, conflicts, read models behind). */
const MAX_TRIES = 30;

export interface Caller {
  readonly role: Role;
  readonly id: string;
}

export interface Answer {
  readonly status: number;
  /**
   * The parsed JSON answer (null when empty, the text itself when not JSON). `any` on purpose, like
   * supertest's `response.body`: the journeys and the crash spec read a dozen endpoints' answers, and
   * a wrong guess fails the run loudly.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON of many endpoints; see above
  readonly body: any;
  /** True when an earlier try of this request died with the server. */
  readonly afterCrash: boolean;
}

/** What a command answered with 2xx: the promise the store must keep. */
export interface Ack {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly actorId: string;
  readonly idempotencyKey: string;
  /** Derived as the gateway derives it from the Idempotency-Key (CommandGateway.commandIdFor). */
  readonly commandId: string;
  readonly status: number;
  readonly streamId: string;
  readonly revision: number;
  readonly position: string | null;
  readonly events: readonly string[];
  readonly alreadyHandled: boolean;
  readonly generation: number;
  readonly afterCrash: boolean;
}

/** Bearer tokens for the test's callers, minted at the clock's instant (the server checks expiry against it). */
export class Tokens {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    /** The instant of the server's clock (the file the test moves). */
    readonly now: () => string,
  ) {}

  for(caller: Caller): string {
    const instant = this.now();
    const key = `${caller.role}:${caller.id}:${instant}`;
    let token = this.cache.get(key);
    if (!token) {
      token = mintToken(
        jwtSettings(this.env),
        { id: caller.id, role: caller.role },
        new Date(instant),
        TOKEN_TTL_SECONDS,
      );
      this.cache.set(key, token);
    }
    return token;
  }
}

/**
 * The clients' HTTP, over real sockets (Node's fetch) to whichever generation of the server is up.
 * A request that dies with the server (connection reset or refused) waits for the next generation
 * and is sent again, unchanged: commands carry an Idempotency-Key, so a retry of a command the dead
 * server had already stored answers with the first result instead of acting twice.
 */
export class CrashClient {
  readonly acks: Ack[] = [];
  /** Requests sent again because the server died under them (or was down when they were sent). */
  retriesAfterCrash = 0;
  /** Requests sent again because of a 409 conflict, a 429 or a 503 (no crash involved). */
  otherRetries = 0;
  /** Answers that were neither expected nor retryable (5xx, unexpected network errors). */
  readonly unexpected: string[] = [];
  private readonly listeners: Array<(ack: Ack) => void> = [];

  constructor(
    private readonly server: CrashServer,
    private readonly tokens: Tokens,
  ) {}

  /** The server clock's instant, as the test last set it. */
  clockNow(): string {
    return this.tokens.now();
  }

  onAck(listener: (ack: Ack) => void): void {
    this.listeners.push(listener);
  }

  /** A query or the OTP request (not a command: no Idempotency-Key). */
  async call(caller: Caller, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    return this.send(caller, method, path, body, undefined);
  }

  /** A command with its Idempotency-Key; a 2xx answer is recorded as an acknowledgement. */
  async command(label: string, caller: Caller, path: string, body: unknown, idempotencyKey: string): Promise<Answer> {
    const answer = await this.send(caller, 'POST', path, body, idempotencyKey);
    if (answer.status >= 200 && answer.status < 300) {
      const ack: Ack = {
        label,
        method: 'POST',
        path,
        actorId: caller.id,
        idempotencyKey,
        commandId: uuidV5(`http:${caller.id}:${idempotencyKey}`, KANDAS_NAMESPACE),
        status: answer.status,
        streamId: answer.body.streamId,
        revision: answer.body.revision,
        position: answer.body.position,
        events: answer.body.events,
        alreadyHandled: answer.body.alreadyHandled,
        generation: this.server.generation,
        afterCrash: answer.afterCrash,
      };
      this.acks.push(ack);
      for (const listener of this.listeners) listener(ack);
    }
    return answer;
  }

  private async send(
    caller: Caller,
    method: string,
    path: string,
    body: unknown,
    idempotencyKey: string | undefined,
  ): Promise<Answer> {
    let afterCrash = false;
    let unexplainedErrors = 0;
    for (let attempt = 1; ; attempt++) {
      if (attempt > MAX_TRIES) throw new Error(`${method} ${path} still failing after ${MAX_TRIES} tries`);
      if (!this.server.isUp) await this.server.nextGeneration(this.server.generation, RESTART_WAIT_MS);
      const generation = this.server.generation;
      const headers: Record<string, string> = {
        authorization: `Bearer ${this.tokens.for(caller)}`,
        accept: 'application/json',
      };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
      let status: number;
      let text: string;
      this.server.inFlight += 1;
      try {
        const response = await fetch(`${this.server.baseUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        status = response.status;
        text = await response.text();
      } catch (error) {
        if (this.server.isUp && this.server.generation === generation) {
          // The server this request went to is still the one up: not a crash.
          unexplainedErrors += 1;
          if (unexplainedErrors > 3) {
            this.unexpected.push(
              `${method} ${path}: ${(error as Error).message} (${String((error as { cause?: Error }).cause ?? '')})`,
            );
            throw error;
          }
          await pause(50);
          continue;
        }
        afterCrash = true;
        this.retriesAfterCrash += 1;
        await this.server.nextGeneration(generation, RESTART_WAIT_MS);
        continue;
      } finally {
        this.server.inFlight -= 1;
      }
      const parsed = text === '' ? null : safeJson(text);
      if (status === 409 || status === 429 || status === 503) {
        // A conflict the handler could not resolve in its own retries, the rate limiter, or a read model behind.
        this.otherRetries += 1;
        await pause(status === 409 ? 10 : 100);
        continue;
      }
      if (status >= 500) {
        this.unexpected.push(`${method} ${path} → ${status} ${text.slice(0, 500)}`);
        throw new Error(`${method} ${path} answered ${status}: ${text.slice(0, 500)}`);
      }
      return { status, body: parsed, afterCrash };
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
