import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDbWireDouble } from '../support/eventstoredb-double';
import { kandasFamily, withFreshPersons } from '../domain/application/fixtures';
import { writeClockFile } from './crash/file-clock';
import { buildServer, CrashServer } from './crash/server-control';
import { InstanceClient } from './instances/instance-client';
import type { Reply } from './instances/instance-client';

/**
 * Issue 15, deliverable 8, with real processes: two back-office servers — each its own Node
 * process, port and read-models file, as behind a load balancer (ADR 9) — on one event store,
 * sharing only the store and the secrets. A code issued through one signs through the other, and a
 * command retried with its Idempotency-Key answers alike on either, which refuses the key reused for
 * another body or for another application (ADR 17). Once on one SQLite events file, once on the
 * EventStoreDB double.
 *
 * The clock is the crash harness's file (nothing here waits for wall time); each instance is used
 * only once `/health/ready` says so.
 */

/** swc compiles the service in about a second on an idle machine. */
const BUILD_TIMEOUT_MS = 60_000;
/** Jest's bound on one store's scenario: two starts and a dozen requests; a hung child, not speed. */
const SCENARIO_TIMEOUT_MS = 180_000;
/** Monday 2 March 2026, 10:00 in Astana. */
const T0 = '2026-03-02T05:00:00.000Z';

const SHARED_SECRETS = {
  KANDAS_JWT_SECRET: 'instances-test JWT secret shared by both processes',
  KANDAS_OTP_SECRET: 'instances-test OTP secret shared by both processes',
};

type Store = { kind: 'sqlite'; eventsFile: string } | { kind: 'eventstoredb'; connectionString: string };

function expectStatus(reply: Reply, status: number, what: string): void {
  if (reply.status !== status)
    throw new Error(`${what}: expected HTTP ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
}

describe('two back-office processes on one store (issue 15, deliverable 8)', () => {
  let build: { dir: string; ms: number } | undefined;
  const servers: CrashServer[] = [];
  const dirs: string[] = [];
  let double: EventStoreDbWireDouble | undefined;

  beforeAll(() => {
    build = buildServer();
  }, BUILD_TIMEOUT_MS);

  // Every child is killed and every file removed, whatever failed (a child also exits when our stdin closes).
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.dispose()));
    await double?.stop();
    double = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  afterAll(() => {
    if (build) rmSync(build.dir, { recursive: true, force: true });
  });

  /** Starts instance `name` on `store` with read models of its own; resolves once it is ready. */
  async function startInstance(name: string, dir: string, store: Store): Promise<InstanceClient> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...SHARED_SECRETS,
      ...(store.kind === 'sqlite'
        ? { EVENT_STORE: 'sqlite', KANDAS_EVENTS_FILE: store.eventsFile }
        : {
            EVENT_STORE: 'eventstoredb',
            EVENTSTORE_CONNECTION_STRING: store.connectionString,
            KANDAS_EVENTS_FILE: join(dir, `${name}-unused-events.sqlite`),
          }),
      KANDAS_READ_MODELS_FILE: join(dir, `${name}-read-models.sqlite`),
      SQLITE_SYNCHRONOUS: 'NORMAL',
      KANDAS_OTP_DELIVERY: 'echo',
      KANDAS_COMMAND_RATE_LIMITS: 'off',
      HOST: '127.0.0.1',
      PORT: '0',
      KANDAS_CLOCK_FILE: join(dir, 'clock.txt'),
      NODE_ENV: 'test',
    };
    delete env.KANDAS_TRUSTED_CA_FILE;
    if (store.kind === 'sqlite') delete env.EVENTSTORE_CONNECTION_STRING;
    const server = new CrashServer(build!.dir, env);
    servers.push(server);
    await server.start();
    const client = new InstanceClient(name, server, env, T0);
    await client.ready();
    return client;
  }

  async function twoInstances(store: (dir: string) => Store): Promise<[InstanceClient, InstanceClient]> {
    const dir = mkdtempSync(join(tmpdir(), 'kandas-instances-'));
    dirs.push(dir);
    writeClockFile(join(dir, 'clock.txt'), T0);
    const shared = store(dir);
    // One after the other: the first creates the store's schema, the second finds it.
    const a = await startInstance('a', dir, shared);
    const b = await startInstance('b', dir, shared);
    return [a, b];
  }

  async function codeIssuedOnOneSignsOnTheOther(a: InstanceClient, b: InstanceClient): Promise<void> {
    const quota = { capacity: 977, order: { number: '12-01/412', date: '2025-12-12' } };
    expectStatus(await a.send('admin', 'POST', '/quotas/pavlodar/2026/kandas', quota, 'open-quota'), 200, 'quota');

    // Given an application submitted through A, and a code asked for through A
    const family = withFreshPersons(kandasFamily());
    const submitted = await a.send('portal', 'POST', '/applications', family, 'submit-key');
    expectStatus(submitted, 201, 'submit through A');
    const id = submitted.body.applicationId as string;
    const signerIin = family.applicant.iin;
    const otp = await a.send('portal', 'POST', `/applications/${id}/otp`, { signerIin });
    expectStatus(otp, 201, 'OTP through A');
    expect(otp.body.code).toMatch(/^\d{6}$/);

    // When the code is typed through B: it signs
    const signBody = { method: 'otp', signerIin, otpRequestId: otp.body.otpRequestId, code: otp.body.code };
    const signed = await b.send('portal', 'POST', `/applications/${id}/sign`, signBody, 'sign-key');
    expectStatus(signed, 201, 'sign through B');
    expect(signed.body).toMatchObject({ events: ['ApplicationSigned'], alreadyHandled: false });

    // Then each command retried with its key on the other instance answers alike, appending nothing
    const signedAgain = await a.send('portal', 'POST', `/applications/${id}/sign`, signBody, 'sign-key');
    expectStatus(signedAgain, 201, 'sign retried through A');
    expect(signedAgain.body).toEqual({ ...signed.body, alreadyHandled: true });
    const submittedAgain = await b.send('portal', 'POST', '/applications', family, 'submit-key');
    expectStatus(submittedAgain, 201, 'submit retried through B');
    expect(submittedAgain.body).toEqual({ ...submitted.body, alreadyHandled: true });

    // And each key reused for another body is refused on the other instance
    const wrongCode = otp.body.code === '000000' ? '111111' : '000000';
    const reusedSign = await a.send(
      'portal',
      'POST',
      `/applications/${id}/sign`,
      { ...signBody, code: wrongCode },
      'sign-key',
    );
    expectStatus(reusedSign, 422, 'sign key reused through A');
    expect(reusedSign.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');
    const another = { ...family, settlement: { ...family.settlement, name: 'Pavlodar' } };
    const reusedSubmit = await b.send('portal', 'POST', '/applications', another, 'submit-key');
    expectStatus(reusedSubmit, 422, 'submit key reused through B');
    expect(reusedSubmit.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');

    // And a key used on one application is refused on another through the other instance (ADR 17:
    // SQLite by its store-wide event ids, EventStoreDB by the key's claim stream)
    const second = withFreshPersons(kandasFamily());
    const other = await b.send('portal', 'POST', '/applications', second, 'submit-key-2');
    expectStatus(other, 201, 'second submission through B');
    const otherId = other.body.applicationId as string;
    const otherOtp = await b.send('portal', 'POST', `/applications/${otherId}/otp`, {
      signerIin: second.applicant.iin,
    });
    expectStatus(otherOtp, 201, 'second OTP through B');
    const otherSign = { method: 'otp', signerIin: second.applicant.iin, otpRequestId: otherOtp.body.otpRequestId };
    const otherSigned = await a.send(
      'portal',
      'POST',
      `/applications/${otherId}/sign`,
      { ...otherSign, code: otherOtp.body.code },
      'sign-key-2',
    );
    expectStatus(otherSigned, 201, 'second sign through A');
    const start = (instance: InstanceClient, applicationId: string) =>
      instance.send('reviewer', 'POST', `/applications/${applicationId}/review/start`, {}, 'start-key');
    expectStatus(await start(a, id), 200, 'review started through A');
    const reusedElsewhere = await start(b, otherId);
    expectStatus(reusedElsewhere, 422, 'start key reused on another application through B');
    expect(reusedElsewhere.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');
  }

  it(
    'on one SQLite events file: a code issued through A signs through B; retried keys answer alike, reused keys are refused',
    async () => {
      const [a, b] = await twoInstances((dir) => ({ kind: 'sqlite', eventsFile: join(dir, 'events.sqlite') }));
      await codeIssuedOnOneSignsOnTheOther(a, b);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'on the EventStoreDB double: a code issued through A signs through B; retried keys answer alike, reused keys are refused',
    async () => {
      double = await EventStoreDbWireDouble.start();
      const { connectionString } = double;
      const [a, b] = await twoInstances(() => ({ kind: 'eventstoredb', connectionString }));
      await codeIssuedOnOneSignsOnTheOther(a, b);
    },
    SCENARIO_TIMEOUT_MS,
  );
});
