import { supportStreamId } from '@domain/support';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { CheckpointStore, EventTypeRegistry } from '@libs/event-sourcing';
import { CHECKPOINT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { complaintLawOf } from '@domain/review-process';
import { LAW_IN_FORCE, READ_MODELS_DB, type LawInForce } from '@libs/workflow';
import { rebuildReadModels, RebuildProgress, runRebuildCommand } from '@apps/composition-root';
import { READ_MODEL_TABLES, SqliteCheckpointStore, tableDigest } from '@infra/read-models';
import { openSqlite } from '@infra/sqlite/connection';
import { SagaHarness } from '../saga/support/saga-harness';
import { arrive, hearAndConfirm, review, submitAndSign } from '../saga/support/scenario';

const TABLES = Object.values(READ_MODEL_TABLES).flat();

/**
 * Included, refused on grounds after a hearing then complained of (the complaint satisfied: back to
 * review), a refusal proposed for the quota exhausted (the hearing pending), withdrawn, breached then
 * included late, still pending.
 */
async function realisticHistory(h: SagaHarness): Promise<void> {
  await h.openQuota('pavlodar', 2026, 'kandas', 7);
  const [included, refused, exhausted, withdrawn, breached] = [
    await submitAndSign(h),
    await submitAndSign(h),
    await submitAndSign(h),
    await submitAndSign(h),
    await submitAndSign(h),
  ];
  await h.settle();
  h.clock.set('2026-03-10T06:00:00.000Z');
  await review(h, included, 'eligible');
  await h.settle();
  await review(h, refused, 'not-eligible');
  await hearAndConfirm(h, refused);
  const portal = { id: 'egov', role: 'portal' };
  const law = complaintLawOf(h.app.get<LawInForce>(LAW_IN_FORCE).current());
  await h.apply(
    { type: 'FileComplaint', applicationId: refused, complaintId: 'c-1', against: 'refusal', text: 'Wrong', law },
    portal,
  );
  await h.apply(
    {
      type: 'SatisfyComplaint',
      applicationId: refused,
      complaintId: 'c-1',
      remedy: 'return-to-review',
      reason: 'The passport was valid',
      supervisorId: 'supervisor-1',
    },
    { id: 'supervisor-1', role: 'supervisor' },
  );
  await h.apply(
    { type: 'WithdrawApplication', applicationId: withdrawn, reason: 'The family stays' },
    { id: 'egov', role: 'portal' },
  );
  await h.settle();
  // ADR 33: the included family arrives; its relocation payment is ordered and paid (the register).
  await arrive(h, included, { arrivedOn: '2026-03-10' });
  await h.advanceTo('2026-03-10T07:00:00.000Z');
  const [relocation] = (await h.events(supportStreamId(included))).filter((e) => e.type === 'PaymentOrderIssued');
  await h.applyToSupport({
    type: 'RecordPaymentPaid',
    applicationId: included,
    orderId: (relocation!.data as { orderId: string }).orderId,
    paidOn: '2026-03-11',
    bankReference: 'HB-1',
  });
  await h.settle();
  await h.advanceTo('2026-03-26T13:30:01.000Z');
  await h.advanceTo('2026-03-27T05:00:00.000Z');
  await review(h, breached, 'eligible'); // late: takes 3 of the 4 seats left
  await h.settle();
  await review(h, exhausted, 'eligible'); // 1 seat left for 3 persons
  await h.settle();
  await submitAndSign(h); // still waiting: its deadlines are pending
  await h.settle();
  expect(await h.typesOf(breached)).toEqual(
    expect.arrayContaining(['ReviewSlaBreached', 'ReviewEscalated', 'ApplicationIncluded']),
  );
  expect(await h.typesOf(refused)).toEqual(
    expect.arrayContaining(['HearingHeld', 'ApplicationRefused', 'ComplaintSatisfied', 'DecisionRevoked']),
  );
  expect(await h.typesOf(exhausted)).toContain('RefusalProposed');
  expect(await h.typesOf(withdrawn)).toContain('ApplicationWithdrawn');
}

function digests(db: Database.Database): Record<string, string> {
  return Object.fromEntries(TABLES.map((table) => [table, tableDigest(db, table)]));
}

describe('rebuilding the read models from the events', () => {
  let h: SagaHarness;
  let live: Record<string, string>;
  let liveHead: bigint | null;
  let eventCount: number;

  beforeEach(async () => {
    h = await SagaHarness.start();
    await realisticHistory(h);
    const db = h.app.get<Database.Database>(READ_MODELS_DB);
    for (const table of TABLES)
      expect(db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number).toBeGreaterThan(0);
    live = digests(db);
    liveHead = await h.head();
    eventCount = (await h.allEvents()).length;
    // The service is stopped while its read models are rebuilt: its runners write the same tables.
    for (const runner of h.runners) await runner.stop();
  });
  afterEach(() => h.close());

  it('into the same database, after dropping the tables: the same digests, byte for byte, and no event appended', async () => {
    const db = h.app.get<Database.Database>(READ_MODELS_DB);
    const progress: RebuildProgress[] = [];
    const result = await rebuildReadModels({
      store: h.store,
      registry: h.app.get<EventTypeRegistry>(EVENT_TYPE_REGISTRY),
      db,
      checkpoints: h.app.get<CheckpointStore>(CHECKPOINT_STORE),
      onProgress: (p) => progress.push(p),
    });
    expect(result.digests).toEqual(live);
    expect(digests(db)).toEqual(live);
    expect(result.events).toBe(eventCount);
    expect(result.head).toBe(liveHead);
    expect(await h.head()).toBe(liveHead);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', processed: eventCount, total: eventCount, etaSeconds: 0 });
    for (const p of progress) expect(p.processed).toBeLessThanOrEqual(p.total);

    // The service starts again on the rebuilt file: the projections' checkpoints are at the head, the
    // saga's was never touched, so nothing is replayed twice and nothing is appended.
    h = await h.restart();
    await h.settle();
    expect(await h.head()).toBe(liveHead);
    expect(digests(h.app.get<Database.Database>(READ_MODELS_DB))).toEqual(live);
  });

  it('into a fresh database: the same digests, and no event appended', async () => {
    const fresh = openSqlite({ filename: join(h.dir, 'fresh-read-models.sqlite'), synchronous: 'NORMAL' });
    try {
      const result = await rebuildReadModels({
        store: h.store,
        registry: h.app.get<EventTypeRegistry>(EVENT_TYPE_REGISTRY),
        db: fresh,
        checkpoints: new SqliteCheckpointStore(fresh),
      });
      expect(result.digests).toEqual(live);
      expect(digests(fresh)).toEqual(live);
      expect(result.events).toBe(eventCount);
      expect(await h.head()).toBe(liveHead);
    } finally {
      fresh.close();
    }
  });

  it('rebuilding twice gives the same digests (checkpoints reset, tables recreated)', async () => {
    const deps = {
      store: h.store,
      registry: h.app.get<EventTypeRegistry>(EVENT_TYPE_REGISTRY),
      db: h.app.get<Database.Database>(READ_MODELS_DB),
      checkpoints: h.app.get<CheckpointStore>(CHECKPOINT_STORE),
    };
    expect((await rebuildReadModels(deps)).digests).toEqual(live);
    expect((await rebuildReadModels(deps)).digests).toEqual(live);
    expect(await h.head()).toBe(liveHead);
  });

  it('the CLI command: the note, a progress line per 10% (not a terminal) or a progress bar drawn in place (a terminal), then every digest', async () => {
    const deps = {
      store: h.store,
      registry: h.app.get<EventTypeRegistry>(EVENT_TYPE_REGISTRY),
      db: h.app.get<Database.Database>(READ_MODELS_DB),
      checkpoints: h.app.get<CheckpointStore>(CHECKPOINT_STORE),
    };
    const lines: string[] = [];
    const { code } = await runRebuildCommand(deps, { print: (line) => lines.push(line) });
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/stop the service/);
    const bars = lines.filter((line) => line.startsWith('['));
    expect(bars.length).toBeGreaterThanOrEqual(1);
    expect(bars.length).toBeLessThanOrEqual(11);
    expect(bars.at(-1)).toContain(`100%  ${eventCount}/${eventCount} events`);
    for (const table of TABLES)
      expect(lines).toContainEqual(
        expect.stringContaining(`${table}`) &&
          `  ${table.padEnd(Math.max(...TABLES.map((t) => t.length)))}  sha256 ${live[table]}`,
      );

    // On a terminal, cli-progress draws the bar there, in place; no progress line is printed.
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let drawn = '';
    terminal.setEncoding('utf8').on('data', (chunk: string) => (drawn += chunk));
    const tty: string[] = [];
    await runRebuildCommand(deps, { print: (line) => tty.push(line), terminal });
    expect(drawn).toContain(`100% | ${eventCount}/${eventCount} events`);
    // The bar moves the cursor with an escape sequence (ESC [ n G): that is what a terminal draws.
    expect(drawn).toMatch(new RegExp(`${String.fromCharCode(27)}\\[\\d*G`));
    expect(tty.filter((line) => line.startsWith('['))).toEqual([]);
    expect(await h.head()).toBe(liveHead);
  });
});
