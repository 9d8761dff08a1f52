import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { QUOTA_EXHAUSTED } from '@domain/application';
import { NestFactory } from '@nestjs/core';
import { RecordedEvent } from '@libs/event-sourcing';
import { paymentFile, PublishedQuotaOrders } from '@libs/workflow';
import { localDateOf } from '@domain/shared/calendar-date';
import { ReadModels } from '../read-models/support/read-models';
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

/** The events of each application's stream, in order. */
function streams(list: readonly RecordedEvent[]): RecordedEvent[][] {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of list) {
    if (!event.streamId.startsWith('application-')) continue;
    byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
  }
  return [...byStream.values()];
}

/** The decision that stands: the last inclusion or refusal, unless a revocation followed it. */
function finalDecision(stream: readonly RecordedEvent[]): RecordedEvent | undefined {
  const last = stream.findLast((e) =>
    ['ApplicationIncluded', 'ApplicationRefused', 'DecisionRevoked'].includes(e.type),
  );
  return last?.type === 'DecisionRevoked' ? undefined : last;
}

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
    // A decision a complaint obtained after the review's term is late without the review being escalated (ADR 32).
    const lateAfterRevocation = streams(events).filter(
      (stream) =>
        stream.some((e) => e.type === 'DecisionRevoked') &&
        !stream.some((e) => e.type === 'ReviewEscalated') &&
        (finalDecision(stream)?.data as Data | undefined)?.late === true,
    ).length;
    expect(escalated).toBeGreaterThanOrEqual(late - lateAfterRevocation + byOutcome['open-breached']);
  });

  it('gives complaints against refusals and an inclusion: satisfied (included, or reviewed again) and rejected, one taken to the authority', () => {
    const { complaints } = first.report.simulation;
    // Seed spec-7, 40 applications: four refused applicants complain (answered by turns: included,
    // rejected, reviewed again, rejected), one included applicant complains of the amounts (rejected),
    // and the first rejected refusal complaint is decided by the authority.
    expect(complaints).toEqual({ filed: 5, satisfied: 2, rejected: 3, authorityDecisions: 1 });
    const of = (type: string) => events.filter((e) => e.type === type);
    expect(of('ComplaintFiled')).toHaveLength(complaints.filed);
    expect(of('ComplaintSatisfied')).toHaveLength(complaints.satisfied);
    expect(of('ComplaintRejected')).toHaveLength(complaints.rejected);
    expect(of('AuthorityDecisionRecorded')).toHaveLength(complaints.authorityDecisions);
    const against = (e: RecordedEvent) => (e.data as Data).against;
    expect(of('ComplaintFiled').map(against).sort()).toEqual([
      'inclusion-amounts',
      'refusal',
      'refusal',
      'refusal',
      'refusal',
    ]);
    const amounts = of('ComplaintFiled').find((e) => against(e) === 'inclusion-amounts')!;
    const answerOf = (complaint: RecordedEvent) =>
      events.find(
        (e) =>
          (e.type === 'ComplaintSatisfied' || e.type === 'ComplaintRejected') &&
          (e.data as Data).complaintId === (complaint.data as Data).complaintId,
      );
    expect(answerOf(amounts)?.type).toBe('ComplaintRejected');
    expect(of('ComplaintFiled').every((complaint) => !(complaint.data as Data).late)).toBe(true);
    expect(of('ComplaintSatisfied').map((e) => (e.data as Data).late)).toEqual([false, false]);

    // Satisfied: the refusal revoked, then included (or refused at once on a full quota), or reviewed again.
    const byApplication = new Map(streams(events).map((stream) => [stream[0]!.streamId, stream.map((e) => e.type)]));
    const after = (e: RecordedEvent) => {
      const types = byApplication.get(e.streamId)!;
      return types.slice(types.lastIndexOf(e.type));
    };
    const remedies = of('DecisionRevoked').map((e) => [(e.data as Data).remedy, (e.data as Data).by] as const);
    expect(remedies.map(([remedy]) => remedy).sort()).toEqual(['include', 'include', 'return-to-review']);
    for (const revoked of of('DecisionRevoked')) {
      const next = after(revoked);
      if ((revoked.data as Data).remedy === 'return-to-review')
        expect(next).toEqual(
          expect.arrayContaining(['ReviewDeadlineScheduled', 'ReviewStarted', 'ApplicationReviewed']),
        );
      else expect(next.some((t) => t === 'ApplicationIncluded' || t === 'ApplicationRefused')).toBe(true);
    }
    const [authority] = of('AuthorityDecisionRecorded');
    expect(authority!.data).toMatchObject({ outcome: 'satisfied', remedy: 'include' });
    expect(remedies.filter(([, by]) => (by as { kind: string }).kind === 'authority')).toHaveLength(1);

    // Each was told to the applicant in Kazakh and Russian (ADR 28).
    const notices = of('NoticeIssued').map((e) => (e.data as { kind: string }).kind);
    const told = (kind: string) => notices.filter((k) => k === kind).length;
    expect(told('refusal-proposed')).toBe(of('RefusalProposed').length);
    expect(told('hearing-recorded')).toBe(of('HearingHeld').length);
    expect(told('complaint-received')).toBe(5);
    expect(told('complaint-satisfied')).toBe(2);
    expect(told('complaint-rejected')).toBe(3);
    expect(told('decision-revoked')).toBe(3);
    expect(told('authority-decision-recorded')).toBe(1);
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
      const revocations = types.filter((t) => t === 'DecisionRevoked').length;
      const decisions = types.filter(
        (t) => t === 'ApplicationIncluded' || t === 'ApplicationRefused' || t === 'ApplicationWithdrawn',
      );
      // One decision, and one more after each decision a complaint or the authority revoked (ADR 32).
      expect(decisions.length).toBeLessThanOrEqual(1 + revocations);
      const dueAt = Date.parse(data('ReviewDeadlineScheduled')!.dueAt as string);
      const applicationId = streamId.slice('application-'.length);
      const final = finalDecision(stream);
      const finalData = final?.data as Data | undefined;

      if (final?.type === 'ApplicationIncluded') {
        expect(quotaAnswers.get(applicationId)).toBe('SeatsReserved');
        const grantedAfter = stream.slice(stream.indexOf(final)).filter((e) => e.type === 'SubsidyGranted');
        expect(grantedAfter.map((e) => (e.data as Data).kind).sort()).toEqual(['relocation', 'rent']);
      } else if (final?.type === 'ApplicationRefused') {
        const grounds = finalData!.grounds as string[];
        expect(grounds.length).toBeGreaterThan(0);
        if (grounds.includes(QUOTA_EXHAUSTED)) expect(quotaAnswers.get(applicationId)).toBe('SeatReservationDeclined');
        else expect(data('ApplicationReviewed')!.verdict).toBe('not-eligible');
        expect(has('SubsidyGranted')).toBe(revocations > 0 && has('ApplicationIncluded'));
      } else if (has('ApplicationWithdrawn')) {
        expect(has('ApplicationReviewed')).toBe(false);
      } else {
        // Still open at the end: breached and escalated exactly when the due instant has passed.
        expect(revocations).toBe(0);
        expect(has('ReviewSlaBreached')).toBe(dueAt <= end);
        expect(has('ReviewEscalated')).toBe(dueAt <= end);
      }
      // The first refusal of each application was proposed, the applicant heard, then confirmed;
      // a refusal after a revoked one is final at once only when the quota answered (ADR 32).
      const beforeRevocation = types.slice(0, revocations > 0 ? types.indexOf('DecisionRevoked') : undefined);
      if (beforeRevocation.includes('ApplicationRefused'))
        expect(
          beforeRevocation.filter((t) => ['RefusalProposed', 'HearingHeld', 'ApplicationRefused'].includes(t)),
        ).toEqual(['RefusalProposed', 'HearingHeld', 'ApplicationRefused']);
      for (const decided of stream.filter((e) => e.type === 'ApplicationIncluded' || e.type === 'ApplicationRefused')) {
        const { late, decidedAt } = decided.data as { late: boolean; decidedAt: string; dueAt: string };
        expect(late).toBe(Date.parse(decidedAt) > Date.parse((decided.data as { dueAt: string }).dueAt));
        if (late && revocations === 0)
          expect(types).toEqual(expect.arrayContaining(['ReviewSlaBreached', 'ReviewEscalated', 'ReviewReassigned']));
      }
      // No complaint is left unanswered at the end: the seed plans only complaints it can see through.
      const filed = stream.filter((e) => e.type === 'ComplaintFiled').map((e) => (e.data as Data).complaintId);
      const answered = stream
        .filter((e) => e.type === 'ComplaintSatisfied' || e.type === 'ComplaintRejected')
        .map((e) => (e.data as Data).complaintId);
      expect(answered).toEqual(filed);
    }
  });

  it('gives included families that arrived, their orders issued on their due days, and each month’s bank file adding up to the register (ADR 33)', () => {
    expect(first.report.simulation.arrivals).toBeGreaterThan(0);
    const opened = events.filter((e) => e.type === 'SupportOpened');
    expect(opened).toHaveLength(first.report.simulation.arrivals);
    const orders = events.filter((e) => e.type === 'PaymentOrderIssued');
    expect(orders.length).toBeGreaterThan(0);
    // Each first order on its due day (a re-issue keeps its instalment's due day, issued after the return).
    for (const order of orders.filter((o) => (o.data as Data).reissueOf === null))
      expect(localDateOf(order.metadata.occurredAt)).toBe((order.data as { dueOn: string }).dueOn);
    // The month-end run: each month's file carries the month's pending orders, its control line their sum.
    const register = new ReadModels().feed(events).payments;
    const months = [...new Set(orders.map((order) => (order.data as { dueOn: string }).dueOn.slice(0, 7)))];
    for (const month of months) {
      const file = paymentFile(register.pendingOrders(month));
      const pending = register.totals(month).reduce((sum, row) => sum + row.pending, 0);
      expect({ month, controlTotal: file.controlTotal }).toEqual({ month, controlTotal: pending });
      expect(file.text.trimEnd().split('\r\n').at(-1)).toBe(`TOTAL;${file.orders};${pending}`);
    }
  });

  it('imports the bank’s answers each morning: every order due before the last day answered once, a return paid again once to a corrected account (ADR 33)', () => {
    const { paid, returned, reissued } = first.report.simulation.payments;
    expect(paid).toBeGreaterThan(0);
    const lastDay = localDateOf(events.at(-1)!.metadata.occurredAt);
    const returnedOnLastDay = events.filter(
      (e) => e.type === 'PaymentReturned' && (e.data as Data).returnedOn === lastDay,
    ).length;
    expect(reissued).toBe(returned - returnedOnLastDay);
    const issued = events.filter((e) => e.type === 'PaymentOrderIssued').map((e) => e.data as Data);
    const answers = events.filter((e) => e.type === 'PaymentPaid' || e.type === 'PaymentReturned');
    // Each order answered at most once; every order due before the seed's last day answered.
    const answered = answers.map((e) => (e.data as Data).orderId);
    expect(new Set(answered).size).toBe(answered.length);
    const owed = issued.filter((order) => (order.dueOn as string) < lastDay).map((order) => order.orderId);
    expect(answered).toEqual(expect.arrayContaining(owed));
    expect(answers.filter((e) => e.type === 'PaymentPaid')).toHaveLength(paid);
    // A returned order is paid again once the next working day (a return on the last day, after it),
    // to the account corrected just before, under an order naming it.
    const returns = answers.filter((e) => e.type === 'PaymentReturned');
    expect(returns.length).toBeGreaterThan(0);
    for (const ret of returns.filter((e) => (e.data as Data).returnedOn !== lastDay)) {
      const { orderId } = ret.data as Data;
      const again = events.filter((e) => e.type === 'PaymentOrderIssued' && (e.data as Data).reissueOf === orderId);
      expect(again).toHaveLength(1);
      const [reissue] = again;
      const before = events.slice(0, events.indexOf(reissue!)).filter((e) => e.streamId === reissue!.streamId);
      const corrected = before.at(-1)!;
      expect(corrected.type).toBe('RecipientCorrected');
      expect(((reissue!.data as Data).recipient as Data).iban).toBe((corrected.data as Data).iban);
    }
    // The register agrees: per month, the orders' sum is committed + returned + cancelled, nothing lost.
    const register = new ReadModels().feed(events).payments;
    for (const month of [...new Set(issued.map((order) => (order.dueOn as string).slice(0, 7)))])
      for (const row of register.totals(month)) {
        const sum = register.orders(month, row.region).reduce((total, order) => total + order.amount, 0);
        expect(row.committed + row.returned + row.cancelled).toBe(sum);
        expect(row.committed).toBe(row.paid + row.pending);
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
