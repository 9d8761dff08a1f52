/**
 * Whole workflow over HTTP: the real server, started as apps/back-office/src/main.ts starts it, in
 * a process of its own on a free port (rate limits off, OTP echoed, HS256 tokens minted with the
 * server's secret), driven by closed-loop keep-alive clients that each run one application's whole
 * journey — submit, OTP, sign, start review, eligible review — and wait until both subsidies are
 * stored before they start the next. "Stored" is seen by polling the event file read-only from
 * this process (the events_by_type index), so the server does not serve the watching.
 *
 *   node --expose-gc --require test/support/swc-register.js bench/workloads/workflow-http.ts [--quick]
 *     [--clients 1,50] [--sync FULL,NORMAL] [--applications N] [--server-cpu-prof <dir>]
 */
import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jwtSettings, mintToken, Role } from '@libs/auth';
import { peakRssMb } from '../support/memory';
import { emitReport, Measurement } from '../support/result';
import { isQuick, scratchDir } from '../support/scratch';
import { expectStatus, freePort, HttpJsonClient } from '../support/workflow-http-client';
import {
  applicationIdOf,
  describeScenario,
  ELIGIBLE_REVIEW,
  Latencies,
  listArgument,
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

const ROOT = resolve(__dirname, '..', '..');
const HOST = '127.0.0.1';
const quick = isQuick();
const { clients: CLIENTS, synchronous: SYNCHRONOUS, sizes } = workflowScenarios(quick);

interface Server {
  readonly client: HttpJsonClient;
  readonly env: NodeJS.ProcessEnv;
  readonly watch: SubsidyWatch;
  token(role: Role, id: string): string;
  stop(): Promise<void>;
}

async function startServer(dir: string, synchronous: Synchronous, sockets: number): Promise<Server> {
  const port = await freePort(HOST);
  const eventsFile = join(dir, 'events.sqlite');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST,
    PORT: String(port),
    KANDAS_EVENTS_FILE: eventsFile,
    KANDAS_READ_MODELS_FILE: join(dir, 'read-models.sqlite'),
    SQLITE_SYNCHRONOUS: synchronous,
    KANDAS_JWT_SECRET: randomBytes(32).toString('hex'),
    KANDAS_OTP_SECRET: randomBytes(32).toString('hex'),
    KANDAS_OTP_DELIVERY: 'echo',
    KANDAS_COMMAND_RATE_LIMITS: 'off',
  };
  // The service logs JSON lines to stdout; here they go to a file, as a log pipeline would take them.
  const log = openSync(join(dir, 'service.log'), 'w');
  // --server-cpu-prof <dir>: the server writes a V8 CPU profile there when it stops (node --cpu-prof).
  const profile = listArgument('--server-cpu-prof');
  const nodeArgs = profile ? ['--cpu-prof', '--cpu-prof-dir', resolve(profile[0]!)] : [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--require', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'apps/back-office/src/main.ts')],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', log, 'pipe'],
    },
  );
  closeSync(log);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const client = new HttpJsonClient(HOST, port, sockets);
  await waitReady(client, child, () => stderr);

  const watch = new SubsidyWatch();
  const poller = watchSubsidies(eventsFile, watch);
  const settings = jwtSettings(env);
  const tokens = new Map<string, string>();
  return {
    client,
    env,
    watch,
    token: (role, id) => {
      const key = `${role}:${id}`;
      let token = tokens.get(key);
      if (!token) tokens.set(key, (token = mintToken(settings, { id, role }, new Date(), 3600)));
      return token;
    },
    stop: async () => {
      poller.stop();
      client.close();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitReady(client: HttpJsonClient, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr()}`);
    try {
      if ((await client.get('/health/ready')).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server was not ready within 60 s: ${stderr()}`);
}

/** Polls the event file (read-only, another connection, another process) for new SubsidyGranted events. */
function watchSubsidies(eventsFile: string, watch: SubsidyWatch): { stop(): void } {
  const db = new Database(eventsFile, { readonly: true, fileMustExist: true });
  const select = db
    .prepare("SELECT position, stream_id FROM events WHERE type = 'SubsidyGranted' AND position > ? ORDER BY position")
    .safeIntegers();
  let after = 0n;
  let stopped = false;
  const poll = () => {
    if (stopped) return;
    try {
      for (const row of select.all(after) as Array<{ position: bigint; stream_id: string }>) {
        after = row.position;
        watch.seen(applicationIdOf(row.stream_id));
      }
    } catch (error) {
      watch.fail(error);
      return;
    }
    timer = setTimeout(poll, 2);
  };
  let timer = setTimeout(poll, 2);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      db.close();
    },
  };
}

function journeyOn(server: Server, label: string) {
  const { client } = server;
  const portal = server.token('portal', 'egov');
  return async (index: number, latencies: Latencies): Promise<void> => {
    const reviewer = server.token('reviewer', `reviewer-${index % 20}`);
    const { body, applicantIin } = freshSubmission();
    const submitted = expectStatus(
      await latencies.time('submit', () =>
        client.post('/applications', portal, body, { 'idempotency-key': `bench-${label}-${index}` }),
      ),
      201,
      'submit',
    );
    const id = submitted.applicationId as string;
    const otp = expectStatus(
      await latencies.time('otp', () => client.post(`/applications/${id}/otp`, portal, { signerIin: applicantIin })),
      201,
      'otp',
    );
    const sign = { method: 'otp', signerIin: applicantIin, otpRequestId: otp.otpRequestId, code: otp.code };
    expectStatus(
      await latencies.time('sign', () => client.post(`/applications/${id}/sign`, portal, sign)),
      201,
      'sign',
    );
    expectStatus(
      await latencies.time('review/start', () => client.post(`/applications/${id}/review/start`, reviewer)),
      200,
      'review/start',
    );
    expectStatus(
      await latencies.time('review', () => client.post(`/applications/${id}/review`, reviewer, ELIGIBLE_REVIEW)),
      200,
      'review',
    );
    await server.watch.done(id);
  };
}

async function scenario(synchronous: Synchronous, clients: number): Promise<ScenarioFigures> {
  const { applications, warmup } = sizes(clients);
  const scratch = scratchDir(`workflow-http-${synchronous}-${clients}`);
  const server = await startServer(scratch.dir, synchronous, clients);
  try {
    const capacity = Math.min(1_000_000, (applications + warmup) * PERSONS_PER_APPLICATION);
    expectStatus(
      await server.client.post(
        `/quotas/${QUOTA.region}/${QUOTA.year}/${QUOTA.category}`,
        server.token('admin', 'admin-1'),
        { capacity, order: QUOTA_ORDER },
      ),
      200,
      'set quota',
    );
    await runClients(clients, warmup, journeyOn(server, 'warmup'));
    const figures = await runClients(clients, applications, journeyOn(server, 'run'));
    const result: ScenarioFigures = { ...figures, synchronous, warmup, extra: { quotaCapacity: capacity } };
    process.stderr.write(`  ${describeScenario(result, 'HTTP')}\n`);
    return result;
  } finally {
    await server.stop();
    scratch.dispose();
  }
}

async function main(): Promise<void> {
  const measurements: Measurement[] = [];
  for (const synchronous of SYNCHRONOUS) {
    for (const clients of CLIENTS) measurements.push(...measurementsOf(await scenario(synchronous, clients), 'HTTP'));
  }
  emitReport({
    workload: 'workflow-http',
    measurements,
    setup: {
      quick,
      clients: CLIENTS,
      synchronous: SYNCHRONOUS,
      sizes: Object.fromEntries(CLIENTS.map((clients) => [clients, sizes(clients)])),
      server:
        'apps/back-office/src/main.ts in its own process (swc), KANDAS_COMMAND_RATE_LIMITS=off, KANDAS_OTP_DELIVERY=echo, logs to a file',
      client:
        'node:http keep-alive agent, one socket per client, closed loop (a client waits for both subsidies before its next application)',
      journey:
        'POST /applications (Idempotency-Key) → /otp → /sign → /review/start → /review; saga: deadline, seats, inclusion, relocation + rent subsidies',
      doneWhen: 'the second SubsidyGranted of the application is in the event file (polled every 2 ms, read-only)',
      quota: `${QUOTA.region}/${QUOTA.year}/${QUOTA.category}, one stream for every application`,
      clientPeakRssMb: Math.round(peakRssMb()),
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `workflow-http failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
