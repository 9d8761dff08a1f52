import type { LoggerService, LogLevel } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { waitUntilCaughtUp } from '@libs/event-sourcing';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE, SubscriptionsHost } from '@libs/event-sourcing-nest';
import { jwtSettings, mintToken, Role } from '@libs/auth';
import { TestClock } from '@libs/testing';
import { DeadlineScheduler } from '@libs/workflow';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { AppModule } from '../../../apps/back-office/src/app.module';
import { configureHttp } from '../../../apps/back-office/src/bootstrap';
import { JsonLogger } from '../../../apps/back-office/src/observability/json-logger';
import { E2E_START } from '../../e2e/support/e2e-app';

/** Every level Nest knows: the logs test listens to all of them, not only what production enables. */
export const ALL_LOG_LEVELS: readonly LogLevel[] = ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'];

/**
 * What the process writes while it runs: process.stdout and process.stderr (where JsonLogger and
 * Nest's ConsoleLogger write) and the console methods (which Jest reroutes past process.stdout).
 * Nothing is passed through while capturing, so the captured logs do not clutter the test output.
 */
export class OutputCapture {
  private readonly chunks: string[] = [];
  private readonly restorers: Array<() => void> = [];

  static start(): OutputCapture {
    const capture = new OutputCapture();
    capture.patchStream(process.stdout);
    capture.patchStream(process.stderr);
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      const original = console[method];
      console[method] = (...args: unknown[]) => void capture.chunks.push(`${args.map(String).join(' ')}\n`);
      capture.restorers.push(() => void (console[method] = original));
    }
    return capture;
  }

  /** The captured text, one entry per line (empty lines dropped). */
  lines(): string[] {
    return this.chunks.join('').split('\n').filter((line) => line.trim() !== '');
  }

  stop(): void {
    for (const restore of this.restorers.splice(0).reverse()) restore();
  }

  private patchStream(stream: NodeJS.WriteStream): void {
    const original = stream.write;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
      callback?.();
      return true;
    }) as typeof stream.write;
    this.restorers.push(() => void (stream.write = original));
  }
}

/**
 * The back office as E2eApp starts it (same module, same HTTP configuration, SQLite files in a
 * temporary folder, a test clock), but with the production logger, `JsonLogger`, writing to its
 * default sink (process.stdout), at every level — instead of E2eApp's `logger: false`.
 */
export class LogsApp {
  /** Every bearer token handed out, so the test can look for them in the logs. */
  readonly tokens: string[] = [];

  private constructor(
    readonly app: NestExpressApplication,
    readonly dir: string,
    readonly clock: TestClock,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  static async start(options: { env?: NodeJS.ProcessEnv; logger?: LoggerService } = {}): Promise<LogsApp> {
    const dir = mkdtempSync(join(tmpdir(), 'kandas-logs-'));
    const clock = new TestClock(E2E_START);
    const env = { KANDAS_EVENTS_FILE: join(dir, 'events.sqlite'), KANDAS_READ_MODELS_FILE: join(dir, 'read-models.sqlite'), EVENT_STORE: 'sqlite', SQLITE_SYNCHRONOUS: 'NORMAL', ...options.env };
    const logger = options.logger ?? new JsonLogger(undefined, ALL_LOG_LEVELS);
    const config = readRuntimeConfig(env);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, { clock, schedulerIntervalMs: null, restartFailedSubscriptionsMs: null, env })] })
      .setLogger(logger)
      .compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger });
    configureHttp(app);
    await app.init();
    return new LogsApp(app, dir, clock, env);
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  token(role: Role, id = `${role}-1`, ttlSeconds = 3600): string {
    const token = mintToken(jwtSettings(this.env, this.dir), { id, role }, this.clock.now(), ttlSeconds);
    this.tokens.push(token);
    return token;
  }

  as(role: Role, id?: string) {
    const auth = `Bearer ${this.token(role, id)}`;
    const http = this.http;
    return {
      get: (path: string) => http.get(path).set('Authorization', auth),
      post: (path: string, body?: object) => http.post(path).set('Authorization', auth).send(body ?? {}),
    };
  }

  async settle(): Promise<void> {
    await waitUntilCaughtUp(this.store, this.app.get(SubscriptionsHost).runners);
  }

  /** Moves the clock and fires the review deadlines that fell due (at risk, breached). */
  async advanceTo(instant: string): Promise<void> {
    this.clock.set(instant);
    await this.settle();
    await this.app.get(DeadlineScheduler).fireDue();
    await this.settle();
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
