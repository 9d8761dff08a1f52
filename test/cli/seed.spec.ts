import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { QUOTA_EXHAUSTED } from '@domain/application';
import { NestFactory } from '@nestjs/core';
import { RecordedEvent } from '@libs/event-sourcing';
import { PublishedQuotaOrders } from '@libs/workflow';
import { WorkflowModule } from '@apps/composition-root';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { openEventStore } from '@infra/event-store/open-event-store';
import { iinCheckDigit } from '../../apps/cli/src/seed/people';
import { SeededRandom } from '@libs/seeded-random';
import {
  printSummary,
  SEED_DEFAULTS,
  SeedOptions,
  SeedReport,
  seedDemoData,
} from '../../apps/cli/src/seed/seed-command';
import { parseSeedArgs } from '../../apps/cli/src/commands/seed';
import { almatyInstant } from '../../apps/cli/src/seed/dates';
import { isValidIin } from '@domain/shared/iin';
import { buildService, cliEntry } from '../e2e/support/built-service';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');

interface Seeded {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly report: SeedReport;
  readonly output: string[];
}

function tempEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    EVENT_STORE: 'sqlite',
    KANDAS_EVENTS_FILE: join(dir, 'events.sqlite'),
    KANDAS_READ_MODELS_FILE: join(dir, 'read-models.sqlite'),
  };
}

const options = (env: NodeJS.ProcessEnv, change: Partial<SeedOptions> = {}): SeedOptions => ({
  applications: 40,
  seed: 'spec-7',
  from: SEED_DEFAULTS.from,
  to: SEED_DEFAULTS.to,
  force: false,
  env,
  ...change,
});

async function seedInto(dir: string, change: Partial<SeedOptions> = {}): Promise<Seeded> {
  const env = tempEnv(dir);
  const output: string[] = [];
  const result = await seedDemoData(options(env, change), (line) => output.push(line));
  if (result.kind !== 'seeded') throw new Error(`not seeded: ${result.reason}`);
  return { dir, env, report: result.report, output };
}

async function allEvents(env: NodeJS.ProcessEnv): Promise<RecordedEvent[]> {
  const store = openEventStore(readRuntimeConfig(env));
  try {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  } finally {
    await store.close();
  }
}

type Data = Record<string, unknown> & { applicationId?: string };

describe('cli seed: demo data played through the workflow', () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kandas-seed-'));
    dirs.push(dir);
    return dir;
  };
  let first: Seeded;
  let events: RecordedEvent[];

  beforeAll(async () => {
    first = await seedInto(newDir());
    events = await allEvents(first.env);
  });

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('seeds every application, with no step refused and no saga step parked', () => {
    const { report } = first;
    expect(report.applications).toBe(40);
    expect(report.outcomes.total).toBe(40);
    expect(report.outcomes.missing).toBe(0);
    expect(report.simulation.rejected).toEqual({});
    expect(report.parked).toBe(0);
    expect(report.eventsWritten).toBe(events.length);
    // A progress line per month (January to November) and a summary.
    expect(first.output.filter((line) => /^2026-\d\d /.test(line))).toHaveLength(11);
    const summary: string[] = [];
    printSummary(report, options(first.env), (line) => summary.push(line));
    expect(summary[0]).toMatch(/^Seeded 40 applications \(seed spec-7, 2026-01-12 … 2026-11-20, \d+ working days\):$/);
    expect(summary.at(-1)).toMatch(new RegExp(`^Events written: ${report.eventsWritten} · .* · elapsed \\d+\\.\\d s$`));
  });

  it('gives included, refused, withdrawn, late and breached applications', () => {
    const { byOutcome, late, escalated } = first.report.outcomes;
    expect(byOutcome.included).toBeGreaterThan(0);
    expect(byOutcome['refused-not-eligible']).toBeGreaterThan(0);
    expect(byOutcome.withdrawn).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(0);
    expect(byOutcome['open-breached']).toBeGreaterThan(0);
    expect(escalated).toBeGreaterThanOrEqual(late + byOutcome['open-breached']);
  });

  it('leaves every application in a sensible state', () => {
    const end = Date.parse(almatyInstant(SEED_DEFAULTS.to, 18 * 60 + 30));
    const byApplication = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      if (!event.streamId.startsWith('application-')) continue;
      const list = byApplication.get(event.streamId) ?? [];
      list.push(event);
      byApplication.set(event.streamId, list);
    }
    expect(byApplication.size).toBe(40);
    const quotaAnswers = new Map(
      events
        .filter((e) => e.type === 'SeatsReserved' || e.type === 'SeatReservationDeclined')
        .map((e) => [(e.data as Data).applicationId, e.type]),
    );

    for (const [streamId, stream] of byApplication) {
      const types = stream.map((e) => e.type);
      const data = (type: string) => stream.find((e) => e.type === type)?.data as Data | undefined;
      const has = (type: string) => types.includes(type);
      expect(types.slice(0, 4)).toEqual([
        'ApplicationSubmitted',
        'SigningCodeIssued',
        'ApplicationSigned',
        'ReviewDeadlineScheduled',
      ]);
      expect(
        isValidIin((data('ApplicationSubmitted')!.submission as { applicant: { iin: string } }).applicant.iin),
      ).toBe(true);
      expect(stream[1]!.metadata.actor).toEqual({ id: 'seed', role: 'operator' });
      const decisions = types.filter(
        (t) => t === 'ApplicationIncluded' || t === 'ApplicationRefused' || t === 'ApplicationWithdrawn',
      );
      expect(decisions.length).toBeLessThanOrEqual(1);
      const dueAt = Date.parse(data('ReviewDeadlineScheduled')!.dueAt as string);
      const applicationId = streamId.slice('application-'.length);

      if (has('ApplicationIncluded')) {
        expect(quotaAnswers.get(applicationId)).toBe('SeatsReserved');
        expect(
          stream
            .filter((e) => e.type === 'SubsidyGranted')
            .map((e) => (e.data as Data).kind)
            .sort(),
        ).toEqual(['relocation', 'rent']);
      } else if (has('ApplicationRefused')) {
        const grounds = data('ApplicationRefused')!.grounds as string[];
        expect(grounds.length).toBeGreaterThan(0);
        if (grounds.includes(QUOTA_EXHAUSTED)) expect(quotaAnswers.get(applicationId)).toBe('SeatReservationDeclined');
        else expect(data('ApplicationReviewed')!.verdict).toBe('not-eligible');
        expect(has('SubsidyGranted')).toBe(false);
        // Proposed, the applicant heard, then confirmed (ADR 32).
        expect(types.filter((t) => ['RefusalProposed', 'HearingHeld', 'ApplicationRefused'].includes(t))).toEqual([
          'RefusalProposed',
          'HearingHeld',
          'ApplicationRefused',
        ]);
      } else if (has('ApplicationWithdrawn')) {
        expect(has('ApplicationReviewed')).toBe(false);
      } else {
        // Still open at the end: breached and escalated exactly when the due instant has passed.
        expect(has('ReviewSlaBreached')).toBe(dueAt <= end);
        expect(has('ReviewEscalated')).toBe(dueAt <= end);
      }
      const decided = stream.find((e) => e.type === 'ApplicationIncluded' || e.type === 'ApplicationRefused');
      if (decided) {
        const late = (decided.data as Data).late as boolean;
        expect(late).toBe(Date.parse((decided.data as Data).decidedAt as string) > dueAt);
        if (late)
          expect(types).toEqual(expect.arrayContaining(['ReviewSlaBreached', 'ReviewEscalated', 'ReviewReassigned']));
      }
    }
  });

  it('never fills a quota beyond its capacity', () => {
    const quotas = new Map<string, { capacity: number; taken: number }>();
    for (const event of events) {
      if (!event.streamId.startsWith('regional-quota-')) continue;
      const data = event.data as { capacity?: number; persons?: number; seatsTaken?: number };
      const quota = quotas.get(event.streamId) ?? { capacity: 0, taken: 0 };
      if (event.type === 'QuotaCapacitySet') quota.capacity = data.capacity!;
      if (event.type === 'SeatsReserved') quota.taken += data.persons!;
      if (event.type === 'SeatsReleased') quota.taken -= data.persons!;
      if (data.seatsTaken !== undefined) expect(data.seatsTaken).toBe(quota.taken);
      expect(quota.taken).toBeLessThanOrEqual(quota.capacity);
      quotas.set(event.streamId, quota);
    }
    // Every quota of the 2026 order was opened: 8 kandas regions and 7 resettler regions.
    expect(quotas.size).toBe(15);
    expect(quotas.get('regional-quota-west_kazakhstan-2026-kandas')?.capacity).toBe(30);
  });

  it('is deterministic: the same seed gives the same outcomes and the same events', async () => {
    const again = await seedInto(newDir());
    expect(again.report.outcomes).toEqual(first.report.outcomes);
    expect(again.report.applicationIds).toEqual(first.report.applicationIds);
    // Stream by stream (the deadline scheduler and the saga may interleave across streams).
    const byStream = (list: RecordedEvent[]) => {
      const streams = new Map<string, unknown[]>();
      for (const e of list)
        streams.set(e.streamId, [
          ...(streams.get(e.streamId) ?? []),
          [e.eventId, e.type, e.metadata.occurredAt, e.metadata.actor, e.data],
        ]);
      return Object.fromEntries([...streams].sort(([a], [b]) => a.localeCompare(b)));
    };
    expect(byStream(await allEvents(again.env))).toEqual(byStream(events));

    const other = await seedInto(newDir(), { seed: 'spec-8', applications: 10 });
    expect(other.report.applicationIds).not.toEqual(first.report.applicationIds.slice(0, 10));
  });

  it('refuses a store that already holds events unless --force is given', async () => {
    const output: string[] = [];
    const refused = await seedDemoData(options(first.env), (line) => output.push(line));
    expect(refused).toMatchObject({ kind: 'refused', reason: expect.stringContaining('already holds events') });
    expect(refused.kind === 'refused' && refused.reason).toContain('--force');
    expect(await allEvents(first.env)).toHaveLength(events.length);

    const forced = await seedDemoData(options(first.env, { applications: 5, force: true }), () => undefined);
    if (forced.kind !== 'seeded') throw new Error(forced.reason);
    expect(forced.report.outcomes.total).toBe(5);
    // New ids: the forced run's applications are new streams, not replays of the first ones.
    expect(forced.report.applicationIds.some((id) => first.report.applicationIds.includes(id))).toBe(false);
    expect(await allEvents(first.env)).toHaveLength(events.length + forced.report.eventsWritten);
  });

  it('seeds a store that holds only the quota orders the service recorded at its start, and sets no capacity twice', async () => {
    const env = tempEnv(newDir());
    const service = await NestFactory.createApplicationContext(
      WorkflowModule.forRoot({ runtime: readRuntimeConfig(env), schedulerIntervalMs: null, runSubscriptions: false }),
      { logger: false },
    );
    try {
      await service.get(PublishedQuotaOrders).record();
    } finally {
      await service.close();
    }
    const seeded = await seedDemoData(options(env, { applications: 5 }), () => undefined);
    if (seeded.kind !== 'seeded') throw new Error(seeded.reason);
    const capacities = (await allEvents(env)).filter((event) => event.type === 'QuotaCapacitySet');
    expect(capacities).toHaveLength(15);
    expect(new Set(capacities.map((event) => event.metadata.actor.id))).toEqual(new Set(['quota-orders']));
  });

  it('parses its arguments and rejects bad ones', () => {
    expect(parseSeedArgs([])).toEqual({
      applications: 400,
      seed: '1',
      from: '2026-01-12',
      to: '2026-11-20',
      force: false,
    });
    expect(
      parseSeedArgs(['--applications', '25', '--seed=abc', '--from', '2026-02-02', '--to', '2026-06-30', '--force']),
    ).toEqual({
      applications: 25,
      seed: 'abc',
      from: '2026-02-02',
      to: '2026-06-30',
      force: true,
    });
    expect(parseSeedArgs(['--applications', '0'])).toMatch(/--applications/);
    expect(parseSeedArgs(['--from', '2026-13-01'])).toMatch(/dates/);
    expect(parseSeedArgs(['--from', '2026-05-01', '--to', '2026-04-01'])).toMatch(/after/);
    expect(parseSeedArgs(['--from', '2025-05-01', '--to', '2026-04-01'])).toMatch(/same quota year/);
    expect(parseSeedArgs(['--seed'])).toMatch(/argument missing/);
    expect(parseSeedArgs(['--bogus'])).toMatch(/unknown option '--bogus'/);
  });

  it('computes IIN check digits and skips the numbers that have none', () => {
    expect(iinCheckDigit('85031540012')).not.toBeNull();
    const random = new SeededRandom(5);
    let skipped = 0;
    for (let i = 0; i < 2000; i++) {
      const first11 = random.digits(11);
      const check = iinCheckDigit(first11);
      if (check === null) skipped += 1;
      else expect(isValidIin(first11 + check)).toBe(true);
    }
    expect(skipped).toBeGreaterThan(0);
    expect(new SeededRandom(9).next()).toBe(new SeededRandom(9).next());
  });

  // Compiled into a folder of its own as `npm run build` compiles it: rebuilding dist/ here would
  // empty the console's bundle under the browser tests running beside this one.
  it('runs from the built CLI (compiled as npm run build compiles it, then node …/apps/cli/src/main.js seed)', async () => {
    const build = buildService();
    dirs.push(build);
    const env = tempEnv(newDir());
    const cli = (args: string[]) => run(process.execPath, [cliEntry(build), ...args], { cwd: ROOT, env });
    const { stdout } = await cli(['seed', '--applications', '20']);
    expect(stdout).toContain('Seeded 20 applications');
    expect(stdout).toMatch(/Events written: \d+/);
    await expect(cli(['seed', '--applications', '20'])).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('Not seeding: the event store'),
    });
    const help = await cli(['help']);
    expect(help.stdout).toMatch(/^\s+seed \[options\]/m);
    const seedHelp = await cli(['seed', '--help']);
    expect(seedHelp.stdout).toContain('--applications <n>');
    await expect(cli(['seed', '--applications', 'many'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error: .*--applications must be a whole number/),
    });
    await expect(cli(['as-of', 'some-application'])).rejects.toMatchObject({
      code: 2,
      stderr: 'error: as-of needs --at <instant> or --revision <n>\n',
    });
  }, 240_000);
});
