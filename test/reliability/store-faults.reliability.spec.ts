import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Response } from 'supertest';
import { SubscriptionsHost } from '@libs/event-sourcing-nest';
import { E2eApp } from '../e2e/support/e2e-app';
import { freshSubmissionBody, openQuota, submitAndSign } from '../e2e/support/journeys';
import { expectProblem } from '../e2e/support/problems';
import { expectNoHalfWrittenBatch } from './faults/store-checks';
import { SmallDisk } from './faults/small-disk';

/**
 * The disk fills, another process locks the file, the file is corrupted: each answers 503 with the
 * fault in words, the readiness check says so, nothing half-written is left behind, and (but for
 * corruption, which needs an operator) the service heals when the fault goes.
 */
const REPO = resolve(__dirname, '..', '..');
const NO_LIMITS = { KANDAS_COMMAND_RATE_LIMITS: 'off', SQLITE_SYNCHRONOUS: 'FULL' };

/** One family per Idempotency-Key (ADR 16: one person, one open application); a retry sends the same body. */
const bodies = new Map<string, ReturnType<typeof freshSubmissionBody>>();

function submit(e: E2eApp, key: string) {
  const body = bodies.get(key) ?? freshSubmissionBody();
  bodies.set(key, body);
  return e.as('portal', 'egov').post('/applications', body).set('Idempotency-Key', key);
}

function expectUnavailable(response: Response, fault: string): void {
  expectProblem(response, 503, /^(EVENT_STORE|READ_MODEL)\.UNAVAILABLE$/);
  expect(response.body).toMatchObject({ fault, detail: expect.stringMatching(/^Nothing was recorded: /) });
  expect(response.headers['retry-after']).toBe('5');
}

const noTmpfs = SmallDisk.unavailableReason();
if (noTmpfs) process.stderr.write(`store-faults: the full-disk test is skipped: ${noTmpfs}\n`);

(noTmpfs ? describe.skip : describe)('a full disk', () => {
  let disk: SmallDisk;
  let e: E2eApp;
  beforeEach(async () => {
    disk = SmallDisk.mount(16 * 1024 * 1024);
    e = await E2eApp.start({
      // The development JWT secret lives beside the read models; the test's tokens are minted with this one.
      env: {
        ...NO_LIMITS,
        KANDAS_JWT_SECRET: 'j'.repeat(48),
        KANDAS_EVENTS_FILE: join(disk.dir, 'events.sqlite'),
        KANDAS_READ_MODELS_FILE: join(disk.dir, 'read-models.sqlite'),
        KANDAS_MIN_FREE_DISK_MB: '1',
      },
    });
  });
  afterEach(async () => {
    await e.close();
    disk.unmount();
  });

  it('answers 503 disk-full, is not ready, leaves no half batch; once space is freed it is ready and the retried command goes through', async () => {
    await openQuota(e);
    const acknowledged = [await submitAndSign(e), await submitAndSign(e)];
    await e.settle();
    await e.http.get('/health/ready').expect(200);

    disk.fillLeaving(48 * 1024);
    const ready = await e.http.get('/health/ready').expect(503);
    expect(ready.body).toMatchObject({
      status: 'error',
      error: { eventStore: { status: 'down', fault: 'disk-full', error: expect.stringContaining('free on the disk') } },
    });

    let refused: { key: string; response: Response } | undefined;
    for (let i = 0; i < 300 && !refused; i++) {
      const key = `disk-fill-${i}`;
      const response = await submit(e, key);
      if (response.status === 201) acknowledged.push(response.body.applicationId);
      else refused = { key, response };
    }
    expect(refused).toBeDefined();
    expectUnavailable(refused!.response, 'disk-full');
    await expectNoHalfWrittenBatch(join(disk.dir, 'events.sqlite'));

    disk.free();
    await e.app.get(SubscriptionsHost).restartFailed();
    await e.settle();
    const healed = await e.http.get('/health/ready').expect(200);
    expect(healed.body).toMatchObject({ status: 'ok', info: { readModels: { status: 'up' } } });
    const retried = await submit(e, refused!.key).expect(201);
    acknowledged.push(retried.body.applicationId);
    await e.settle();
    for (const id of acknowledged) await e.as('reviewer').get(`/applications/${id}`).expect(200);
    await expectNoHalfWrittenBatch(join(disk.dir, 'events.sqlite'));
  });
});

describe('an events file another process holds locked', () => {
  let e: E2eApp;
  let holder: Database.Database;
  beforeEach(async () => {
    e = await E2eApp.start({ env: { ...NO_LIMITS, KANDAS_SQLITE_BUSY_TIMEOUT_MS: '100' } });
    await openQuota(e);
    holder = new Database(join(e.dir, 'events.sqlite'));
  });
  afterEach(async () => {
    holder.close();
    await e.close();
  });

  it('answers 503 locked while reads go on, is not ready, and heals when the lock is let go', async () => {
    const id = await submitAndSign(e);
    await e.settle();
    holder.exec('BEGIN EXCLUSIVE');
    const refused = await submit(e, 'while-locked');
    expectUnavailable(refused, 'locked');
    await e.as('reviewer').get(`/applications/${id}`).expect(200);
    const ready = await e.http.get('/health/ready').expect(503);
    expect(ready.body.error.eventStore).toMatchObject({
      fault: 'locked',
      error: expect.stringContaining('locked by another process'),
    });

    holder.exec('ROLLBACK');
    await e.http.get('/health/ready').expect(200);
    await submit(e, 'while-locked').expect(201);
    await expectNoHalfWrittenBatch(join(e.dir, 'events.sqlite'));
  });
});

describe('an events file corrupted under the running service', () => {
  it('answers 503 corrupt and stays not ready until an operator restores the file', async () => {
    const e = await E2eApp.start({ env: NO_LIMITS });
    try {
      await openQuota(e);
      for (let i = 0; i < 20; i++) await submit(e, `before-${i}`).expect(201);
      await e.settle();
      const file = join(e.dir, 'events.sqlite');
      corruptDataPages(file);
      const refused = await submit(e, 'after-corruption');
      expectUnavailable(refused, 'corrupt');
      const ready = await e.http.get('/health/ready').expect(503);
      expect(ready.body.error.eventStore).toMatchObject({
        fault: 'corrupt',
        error: expect.stringContaining('restore the file from a backup'),
      });
      await e.http.get('/health/ready').expect(503); // sticky: no answer of a corrupt file is trusted again
    } finally {
      await e.close();
    }
  });
});

describe('a corrupted events file at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kandas-corrupt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('does not start, names the file and the remedy in one log line, and exits with 1', () => {
    const eventsFile = join(dir, 'events.sqlite');
    writeFileSync(eventsFile, Buffer.alloc(64 * 1024, 0x42));
    const started = spawnSync(
      process.execPath,
      ['--require', join(REPO, 'test/support/swc-register.js'), join(REPO, 'apps/back-office/src/main.ts')],
      {
        env: {
          ...process.env,
          KANDAS_EVENTS_FILE: eventsFile,
          KANDAS_READ_MODELS_FILE: join(dir, 'read-models.sqlite'),
          PORT: '0',
          KANDAS_JWT_SECRET: 'j'.repeat(48),
        },
        encoding: 'utf8',
        timeout: 150_000,
      },
    );
    expect(started.status).toBe(1);
    const lines = started.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: string; message: string });
    expect(lines.at(-1)).toMatchObject({
      level: 'error',
      message: expect.stringMatching(
        /^Cannot start: .*events\.sqlite is corrupted; stop the service, restore the file from a backup/,
      ),
    });
    // One line on stderr for the operator, and no stack trace of the framework anywhere.
    expect(started.stderr).toMatch(/^Cannot start: [^\n]*events\.sqlite is corrupted[^\n]*\n$/);
    expect(started.stdout).not.toMatch(/\n\s+at /);
    expect(statSync(eventsFile).size).toBe(64 * 1024); // untouched: nothing was written into it
  }, 180_000);
});

/**
 * Overwrites every data page of the file, as a failing disk would, then lets another process write
 * to it: that changes the WAL index, so the service drops its page cache and reads the damage.
 */
function corruptDataPages(file: string): void {
  const other = new Database(file);
  other.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = other.pragma('page_size', { simple: true }) as number;
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  for (let page = 2; page * pageSize < size; page++)
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, page * pageSize);
  closeSync(fd);
  other.exec('CREATE TABLE IF NOT EXISTS operator_probe (x)');
  other.close();
}
