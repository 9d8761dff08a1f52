/**
 * Whole workflow, in-process: applications per second from submit to both subsidies granted, on the
 * real Nest application (AppModule.forRoot, as apps/back-office/src/main.ts builds it, minus the HTTP
 * listener) on SQLite files in bench/.data. Commands go through the controllers themselves — the
 * same lookups, OTP issue and verification, CommandGateway, CommandBus, handlers and store an HTTP
 * request reaches after its guards and pipes — and the durable saga does the rest (deadline,
 * seats reserved on the quota, inclusion, the two subsidies), fed by its checkpointed subscription.
 *
 *   node --expose-gc --require test/support/swc-register.js bench/workloads/workflow-in-process.ts [--quick]
 *     [--clients 1,50] [--sync FULL,NORMAL] [--applications N]
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { createWriteStream, WriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import type { Role } from '@libs/auth';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { AppModule } from '../../apps/back-office/src/app.module';
import { AdminController } from '../../apps/back-office/src/admin/admin.controller';
import { ApplicationsController } from '../../apps/back-office/src/commands/applications.controller';
import type { RequestMeta } from '../../apps/back-office/src/commands/command-gateway';
import { createAppLogger } from '../../apps/back-office/src/observability/app-logger';
import { peakRssMb } from '../support/memory';
import { emitReport, Measurement } from '../support/result';
import { isQuick, scratchDir } from '../support/scratch';
import {
  applicationIdOf,
  describeScenario,
  ELIGIBLE_REVIEW,
  measurementsOf,
  PERSONS_PER_APPLICATION,
  QUOTA,
  QUOTA_ORDER,
  runClients,
  ScenarioFigures,
  freshSubmission,
  SubsidyWatch,
  Synchronous,
  workflowScenarios,
} from '../support/workflow-journey';

const quick = isQuick();
const { clients: CLIENTS, synchronous: SYNCHRONOUS, sizes } = workflowScenarios(quick);
const TARGET = { value: 1000, text: '≥ 1,000 apps/s in-process' };

interface Running {
  readonly app: INestApplicationContext;
  readonly store: EventStore;
  readonly watch: SubsidyWatch;
  readonly log: WriteStream;
  close(): Promise<void>;
}

/** The scenario's log file: nestjs-pino keeps one root logger per process, so it writes wherever this points. */
let serviceLog: WriteStream | undefined;
const logger = createAppLogger({ destination: { write: (line) => void serviceLog?.write(line) } });

/** The application context on fresh files; logs go, as JSON lines, to a file (as the service's stdout would). */
async function start(dir: string, synchronous: Synchronous): Promise<Running> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KANDAS_EVENTS_FILE: join(dir, 'events.sqlite'),
    KANDAS_READ_MODELS_FILE: join(dir, 'read-models.sqlite'),
    SQLITE_SYNCHRONOUS: synchronous,
    KANDAS_JWT_SECRET: randomBytes(32).toString('hex'),
    KANDAS_OTP_SECRET: randomBytes(32).toString('hex'),
    KANDAS_OTP_DELIVERY: 'echo',
    KANDAS_COMMAND_RATE_LIMITS: 'off',
  };
  const log = createWriteStream(join(dir, 'service.log'));
  serviceLog = log;
  const config = readRuntimeConfig(env);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { env }), {
    logger,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.init();
  const store = app.get<EventStore>(EVENT_STORE);
  const watch = new SubsidyWatch();
  const subscription = store.subscribeToAll({ fromPosition: 'end', filter: { eventTypes: ['SubsidyGranted'] } });
  const watching = (async () => {
    try {
      for await (const event of subscription) watch.seen(applicationIdOf(event.streamId));
    } catch (error) {
      watch.fail(error);
    }
  })();
  return {
    app,
    store,
    watch,
    log,
    close: async () => {
      await subscription.close();
      await watching;
      await app.close();
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}

function meta(id: string, role: Role, path: string, body: unknown, idempotencyKey?: string): RequestMeta {
  return {
    actor: { id, role },
    ...(idempotencyKey ? { idempotencyKey } : {}),
    fingerprint: { method: 'POST', path, body },
  };
}

/** One application's journey through the controllers, exactly in the order the portal and a reviewer call them. */
function journeyOn(running: Running, label: string) {
  const applications = running.app.get(ApplicationsController);
  const reviewer = (index: number) => `reviewer-${index % 20}`;
  return async (index: number, latencies: import('../support/workflow-journey').Latencies): Promise<void> => {
    const key = `bench-${label}-${index}`;
    const { body, applicantIin } = freshSubmission();
    const submitted = await latencies.time('submit', () =>
      applications.submit(body as never, meta('egov', 'portal', '/applications', body, key)),
    );
    const id = submitted.applicationId;
    const otp = await latencies.time('otp', () =>
      applications.issueOtp(
        id,
        { signerIin: applicantIin },
        meta('egov', 'portal', `/applications/${id}/otp`, { signerIin: applicantIin }),
      ),
    );
    const signBody = {
      method: 'otp' as const,
      signerIin: applicantIin,
      otpRequestId: otp.otpRequestId,
      code: otp.code!,
    };
    await latencies.time('sign', () =>
      applications.sign(id, signBody as never, meta('egov', 'portal', `/applications/${id}/sign`, signBody)),
    );
    await latencies.time('review/start', () =>
      applications.startReview(id, {}, meta(reviewer(index), 'reviewer', `/applications/${id}/review/start`, {})),
    );
    await latencies.time('review', () =>
      applications.recordReview(
        id,
        ELIGIBLE_REVIEW as never,
        meta(reviewer(index), 'reviewer', `/applications/${id}/review`, ELIGIBLE_REVIEW),
      ),
    );
    await running.watch.done(id);
  };
}

async function scenario(synchronous: Synchronous, clients: number): Promise<ScenarioFigures> {
  const { applications, warmup } = sizes(clients);
  const scratch = scratchDir(`workflow-in-process-${synchronous}-${clients}`);
  const running = await start(scratch.dir, synchronous);
  try {
    const admin = running.app.get(AdminController);
    const capacity = Math.min(1_000_000, (applications + warmup) * PERSONS_PER_APPLICATION);
    const order = { capacity, order: QUOTA_ORDER };
    await admin.setQuota(
      QUOTA.region,
      QUOTA.year,
      QUOTA.category,
      order,
      meta('admin-1', 'admin', `/quotas/${QUOTA.region}/${QUOTA.year}/${QUOTA.category}`, order),
    );
    await runClients(clients, warmup, journeyOn(running, 'warmup'));
    global.gc?.();
    const headBefore = (await running.store.headPosition()) ?? 0n;
    const figures = await runClients(clients, applications, journeyOn(running, 'run'));
    const headAfter = (await running.store.headPosition()) ?? 0n;
    const result: ScenarioFigures = {
      ...figures,
      synchronous,
      warmup,
      extra: { eventsPerApplication: Number(headAfter - headBefore) / applications, quotaCapacity: capacity },
    };
    process.stderr.write(`  ${describeScenario(result, 'in-process')}\n`);
    return result;
  } finally {
    await running.close();
    scratch.dispose();
  }
}

async function main(): Promise<void> {
  const measurements: Measurement[] = [];
  for (const synchronous of SYNCHRONOUS) {
    for (const clients of CLIENTS) {
      const figures = await scenario(synchronous, clients);
      measurements.push(...measurementsOf(figures, 'in-process', synchronous === 'FULL' ? TARGET : undefined));
    }
  }
  emitReport({
    workload: 'workflow-in-process',
    measurements,
    setup: {
      quick,
      clients: CLIENTS,
      synchronous: SYNCHRONOUS,
      sizes: Object.fromEntries(CLIENTS.map((clients) => [clients, sizes(clients)])),
      journey:
        'submit (Idempotency-Key) → OTP → sign → start review → eligible review; saga: deadline, seats, inclusion, relocation + rent subsidies',
      path: 'ApplicationsController methods (lookups, OTP, CommandGateway → CommandBus → handlers → SQLite store); saga from its checkpointed subscription',
      closedLoop: 'each client waits until both subsidies of its application are stored before it submits the next',
      quota: `${QUOTA.region}/${QUOTA.year}/${QUOTA.category}, one stream for every application`,
      peakRssMb: Math.round(peakRssMb()),
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `workflow-in-process failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
