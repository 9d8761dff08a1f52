import Database from 'better-sqlite3';
import {
  APPLICATIONS_TABLES,
  ApplicationsProjection,
  READ_MODEL_TABLES,
  resetReadModel,
  SqliteCheckpointStore,
  tableDigest,
} from '@infra/read-models';
import { LiveReadModels, ReadModels, registry } from './support/read-models';
import { History, runWorkflow } from './support/workflow-history';

describe('read models are deterministic, idempotent and rebuildable', () => {
  let history: History;
  let live: LiveReadModels;
  beforeAll(async () => {
    live = new LiveReadModels();
    history = await runWorkflow(live); // kept up to date by checkpointed runners while the workflow ran
  });

  it('the live models saw every event', () => {
    expect(live.applications.list({}, { limit: 200 }).items).toHaveLength(11);
    const checkpoints = live.db
      .prepare('SELECT consumer, CAST(position AS TEXT) AS position FROM checkpoints ORDER BY consumer')
      .all();
    expect(checkpoints).toEqual([
      { consumer: 'applications', position: expect.any(String) },
      { consumer: 'quota-usage', position: expect.any(String) },
      { consumer: 'subsidy-totals', position: expect.any(String) },
    ]);
  });

  it('rebuild equals live: replaying every event into a fresh database gives the same tables', () => {
    const rebuilt = new ReadModels().feed(history.events);
    expect(rebuilt.digests()).toEqual(live.digests());
  });

  it('run it twice, same result: the whole history fed twice', () => {
    const once = new ReadModels().feed(history.events);
    const twice = new ReadModels().feed(history.events).feed(history.events);
    expect(twice.digests()).toEqual(once.digests());
    expect(twice.subsidies.totals()).toEqual(once.subsidies.totals());
    expect(twice.quotas.list()).toEqual(once.quotas.list());
  });

  it('run it twice, same result: every event redelivered at once', () => {
    const redelivered = history.events.flatMap((event) => [event, event]);
    expect(new ReadModels().feed(redelivered).digests()).toEqual(new ReadModels().feed(history.events).digests());
  });

  it('a replay of an older prefix after the fact changes nothing', () => {
    const models = new ReadModels().feed(history.events);
    const before = models.digests();
    models.feed(history.before.slice(0, 40));
    expect(models.digests()).toEqual(before);
  });

  it('digests differ when the data differs', () => {
    const partial = new ReadModels().feed(history.before);
    const full = new ReadModels().feed(history.events);
    expect(partial.digests().applications).not.toEqual(full.digests().applications);
    expect(tableDigest(full.db, 'applications')).toMatch(/^[0-9a-f]{64}$/);
    expect(() => tableDigest(full.db, 'no_such_table')).toThrow('No table named "no_such_table"');
  });

  it('resetReadModel drops exactly the projection’s tables; a replay through the checkpoint store gives the same digest again', async () => {
    const db = new Database(':memory:');
    const models = new ReadModels(db).feed(history.events);
    const digest = tableDigest(db, 'applications');
    const tables = () =>
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    const ownDigests = () => APPLICATIONS_TABLES.map((table) => tableDigest(db, table));
    const before = ownDigests();
    expect(resetReadModel(db, 'applications')).toEqual([
      'applications',
      'application_details',
      'application_persons',
      'application_complaints',
    ]);
    // The table of schema versions is not a read model's: a rebuild keeps it, so the version stays recorded.
    expect(tables()).toEqual([
      'payment_families',
      'payment_orders',
      'quota_usage',
      'read_model_schemas',
      'subsidy_decisions',
      'subsidy_grants',
    ]);
    expect(
      db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'applications'`).pluck().get(),
    ).toBe(0);

    // The rebuild: a new projection (creates the table), the checkpoint reset, a replay from the start.
    const checkpoints = new SqliteCheckpointStore(db);
    await checkpoints.reset('applications');
    const projection = new ApplicationsProjection(db, registry());
    for (const event of history.events) {
      if (projection.filter.eventTypes.includes(event.type))
        await checkpoints.commit(projection.name, event.position, () => projection.apply(event));
    }
    // The last event it applies: the history ends with the process recording persons (ADR 16), which it does not read.
    const applied = history.events.filter((event) => projection.filter.eventTypes.includes(event.type));
    expect(await checkpoints.load('applications')).toBe(applied.at(-1)!.position);
    expect(tableDigest(db, 'applications')).toBe(digest);
    expect(ownDigests()).toEqual(before);
    expect(models.applications.list({}, { limit: 200 }).items).toHaveLength(11); // a query built before still works
  });

  it('names the tables of every read model, and refuses an unknown one', () => {
    expect(READ_MODEL_TABLES).toEqual({
      applications: ['applications', 'application_details', 'application_persons', 'application_complaints'],
      'quota-usage': ['quota_usage'],
      'subsidy-totals': ['subsidy_decisions', 'subsidy_grants'],
      'pending-deadlines': ['pending_deadlines'],
      'notice-deliveries': ['notice_deliveries'],
      'payment-register': ['payment_families', 'payment_orders'],
    });
    expect(() => resetReadModel(new Database(':memory:'), 'nope')).toThrow('No read model named "nope"');
  });
});
