import type { LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { waitUntilCaughtUp } from '@libs/event-sourcing';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE, SubscriptionsHost } from '@libs/event-sourcing-nest';
import { jwtSettings, mintToken, Role } from '@libs/auth';
import { TestClock } from '@libs/testing';
import { DeadlineScheduler, type LawInForce } from '@libs/workflow';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { AppModule } from '../../../apps/back-office/src/app.module';
import { EventStoreDbWireDouble } from '../../support/eventstoredb-double';
import { configureHttp } from '../../../apps/back-office/src/bootstrap';
import { OpenApiConformance } from './openapi-conformance';
import { recordPublishedQuotaOrders } from '../../../apps/back-office/src/startup/quota-orders.step';

export interface E2eOptions {
  readonly clock?: TestClock;
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: LoggerService;
  /** Runs the start-up step of `main.ts` that records the published quota orders (off: tests set their own). */
  readonly recordQuotaOrders?: boolean;
  /** Another instance, or a restart, on the files (and the EventStoreDB) of this one, which keeps owning them. */
  readonly sharing?: E2eApp;
  /** Another instance on this one's event store only, with read models of its own (see `beside`). */
  readonly storeOf?: E2eApp;
  /** The law in force, when the test amends it (test/saga/support/amendable-law.ts). */
  readonly law?: LawInForce;
}

/** Monday 2 March 2026, 10:00 in Astana. */
export const E2E_START = '2026-03-02T05:00:00.000Z';

/**
 * The real back office — HTTP server, guards, pipes, filters, workflow, subscriptions — on SQLite
 * files in a temporary folder, with a clock the test moves. Requests go through supertest.
 */
export class E2eApp {
  /** Every bearer token handed out, so a test can look for them where they must not be (the logs). */
  readonly tokens: string[] = [];

  private constructor(
    readonly app: NestExpressApplication,
    readonly dir: string,
    readonly clock: TestClock,
    private readonly env: NodeJS.ProcessEnv,
    private readonly eventStoreDb: EventStoreDbWireDouble | undefined,
    /** False for an instance started `sharing` another's files: closing it leaves them. */
    private readonly ownsFiles: boolean,
    /** False for an instance on another's store (`sharing` or `storeOf`): closing it leaves the store running. */
    private readonly ownsStore: boolean,
    /** Every answer is checked against the OpenAPI document; what does not conform fails `close`. */
    private readonly conformance: OpenApiConformance,
  ) {}

  private closed = false;
  /** The instance that took over these files on a restart (closing this one closes it too). */
  private successor: E2eApp | undefined;

  /**
   * In the jest project `e2e on eventstoredb` (or with E2E_EVENT_STORE=eventstoredb) the same suite runs on the
   * EventStoreDB adapter, through the real client, against the wire-level test double — or against the
   * real server EVENTSTORE_CONNECTION_STRING names, each service in a namespace of its own.
   */
  static async start(options: E2eOptions = {}): Promise<E2eApp> {
    const shared = options.sharing;
    const storeOwner = options.storeOf ?? shared;
    const dir = shared?.dir ?? mkdtempSync(join(tmpdir(), 'kandas-e2e-'));
    const clock = options.clock ?? storeOwner?.clock ?? new TestClock(E2E_START);
    const server = e2eEventStore() === 'eventstoredb' ? e2eEventStoreServer() : undefined;
    const eventStoreDb = storeOwner
      ? storeOwner.eventStoreDb
      : e2eEventStore() === 'eventstoredb' && !server
        ? // System events in the middle of the service's own, as on a node that stores its stats (every
          // 30 s there). Every 5 s here: every 250 ms made the suite on EventStoreDB four times slower
          // (bad-input: 24 s → 102 s), and CI has twenty minutes.
          await EventStoreDbWireDouble.start({ statsPeriodMs: 5_000 })
        : undefined;
    const store = storeOwner
      ? storeOwner.storeEnv()
      : eventStoreDb
        ? { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: eventStoreDb.connectionString }
        : server
          ? {
              EVENT_STORE: 'eventstoredb',
              EVENTSTORE_CONNECTION_STRING: server,
              KANDAS_EVENTSTORE_NAMESPACE: namespace(),
            }
          : {};
    const env = {
      KANDAS_EVENTS_FILE: join(dir, 'events.sqlite'),
      KANDAS_READ_MODELS_FILE: join(dir, 'read-models.sqlite'),
      SQLITE_SYNCHRONOUS: 'NORMAL',
      ...store,
      ...options.env,
    };
    const config = readRuntimeConfig(env);
    const testing = Test.createTestingModule({
      imports: [
        AppModule.forRoot(config, {
          clock,
          law: options.law,
          schedulerIntervalMs: null,
          restartFailedSubscriptionsMs: null,
          env,
        }),
      ],
    });
    const moduleRef = await (options.logger ? testing.setLogger(options.logger) : testing).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: options.logger ?? false,
    });
    const conformance = await OpenApiConformance.of(configureHttp(app));
    app.use(conformance.recorder());
    await app.init();
    if (options.recordQuotaOrders) await recordPublishedQuotaOrders(app);
    return new E2eApp(app, dir, clock, env, eventStoreDb, shared === undefined, storeOwner === undefined, conformance);
  }

  /** This service stopped and started again on the same files, as `main.ts` starts it. */
  async restart(options: Omit<E2eOptions, 'sharing'> = { recordQuotaOrders: true }): Promise<E2eApp> {
    await this.stop();
    const next = await E2eApp.start({ ...options, sharing: this });
    this.successor = next;
    return next;
  }

  /** Closes the service only: its files stay, for a restart. */
  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.app.close();
  }

  /**
   * A second instance of the service on this one's event store (the same SQLite events file, or the
   * same EventStoreDB), with its own read models and process state, as behind a load balancer.
   * Instances on one store share their secrets, as a deployment must (KANDAS_JWT_SECRET,
   * KANDAS_OTP_SECRET): pass them in `env` to both.
   */
  static beside(first: E2eApp, env: NodeJS.ProcessEnv = {}): Promise<E2eApp> {
    return E2eApp.start({ clock: first.clock, env, storeOf: first });
  }

  /** The settings naming this instance's event store, for another instance on it (its events file, or its server and namespace). */
  private storeEnv(): NodeJS.ProcessEnv {
    if (this.env.EVENT_STORE !== 'eventstoredb') return { KANDAS_EVENTS_FILE: this.env.KANDAS_EVENTS_FILE };
    const { EVENT_STORE, EVENTSTORE_CONNECTION_STRING, KANDAS_EVENTSTORE_NAMESPACE } = this.env;
    return { EVENT_STORE, EVENTSTORE_CONNECTION_STRING, KANDAS_EVENTSTORE_NAMESPACE };
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
      post: (path: string, body?: object) =>
        http
          .post(path)
          .set('Authorization', auth)
          .send(body ?? {}),
      put: (path: string, body?: object) =>
        http
          .put(path)
          .set('Authorization', auth)
          .send(body ?? {}),
    };
  }

  /** Lets every subscription catch up with the store (the saga appends as it goes). */
  async settle(): Promise<void> {
    await waitUntilCaughtUp(this.store, this.app.get(SubscriptionsHost).runners);
  }

  async advanceTo(instant: string): Promise<void> {
    this.clock.set(instant);
    await this.settle();
    await this.app.get(DeadlineScheduler).fireDue();
    await this.settle();
  }

  async head(): Promise<bigint | null> {
    return this.store.headPosition();
  }

  async close(): Promise<void> {
    await this.successor?.close();
    await this.stop();
    if (this.ownsFiles) {
      if (this.ownsStore) await this.eventStoreDb?.stop();
      rmSync(this.dir, { recursive: true, force: true });
    }
    const { violations } = this.conformance;
    if (violations.length > 0)
      throw new Error(
        `${violations.length} answer(s) do not conform to the OpenAPI document:\n${[...new Set(violations)].join('\n')}`,
      );
  }
}

/** Which store the e2e suite runs on: the jest project's global, or the environment. */
export function e2eEventStore(): string | undefined {
  return (globalThis as { E2E_EVENT_STORE?: string }).E2E_EVENT_STORE ?? process.env.E2E_EVENT_STORE;
}

/**
 * A real EventStoreDB node or cluster for the suite on `eventstoredb`, when EVENTSTORE_CONNECTION_STRING
 * names one (`npm run test:cluster` sets it); otherwise the wire double stands in.
 */
export function e2eEventStoreServer(): string | undefined {
  return process.env.EVENTSTORE_CONNECTION_STRING?.trim() || undefined;
}

/** A real server's log is shared and never emptied: each service of the run gets streams of its own. */
const RUN = randomUUID().slice(0, 8);
let services = 0;
function namespace(): string {
  services += 1;
  return `kandas-e2e-${RUN}-${services}-`;
}
