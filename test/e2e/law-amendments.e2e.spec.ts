import { E2eApp } from './support/e2e-app';
import { openQuota, submitAndSign } from './support/journeys';
import { expectFieldErrors, expectProblem, UNKNOWN_ID } from './support/problems';

const WORKED_31_AUGUST = {
  date: '2026-08-31',
  expectedWorkingDays: 247,
  legalBasis: {
    kind: 'announcement',
    date: '2026-03-18',
    title: 'Ministry of Labour: Constitution Day moved to 15 March; 30 August no longer a holiday',
    source: 'https://taspanews.kz/',
  },
  takesEffectOn: '2026-08-25',
};

/**
 * The law as the store has it before the Constitution Day correction (KANDAS_LAW_BASELINE_AS_OF);
 * a review signed on 24 August 2026 is pending when an administrator records that 31 August is
 * worked: its deadline moves from Monday 14 to Friday 11 September (ADR 23).
 */
describe('the amendments of the law and the applications one moved', () => {
  let e: E2eApp;
  let pending: string;
  let amendmentId: string;
  beforeAll(async () => {
    e = await E2eApp.start({ env: { KANDAS_LAW_BASELINE_AS_OF: '2026-03-17' } });
    await openQuota(e);
    e.clock.set('2026-08-24T05:00:00.000Z');
    pending = await submitAndSign(e);
    await e.settle();
    e.clock.set('2026-08-25T05:00:00.000Z');
    await e
      .as('admin', 'admin-7')
      .post('/admin/law/calendar/2026/worked-days', WORKED_31_AUGUST)
      .set('If-Match', '"0"')
      .expect(200);
    await e.settle();
    const listed = await e.as('auditor').get('/reference/amendments?limit=1').expect(200);
    amendmentId = listed.body.items[0].eventId;
  });
  afterAll(() => e.close());

  it('lists every amendment newest first, with who recorded it, on what basis and what it changed', async () => {
    const { body } = await e.as('admin').get('/reference/amendments').expect(200);
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toEqual({
      eventId: amendmentId,
      position: expect.stringMatching(/^\d+$/),
      streamId: 'law-calendar-2026',
      table: 'calendar',
      year: 2026,
      version: '2026.2',
      legalBasis: WORKED_31_AUGUST.legalBasis,
      takesEffectOn: '2026-08-25',
      reason: null,
      recordedAt: '2026-08-25T05:00:00.000Z',
      recordedBy: { id: 'admin-7', role: 'admin' },
      correlationId: expect.any(String),
      workingDays: 247,
      daysOffAdded: [],
      daysOffRemoved: ['2026-08-31'],
      rowsAdded: null,
      rowsChanged: null,
    });
    const tables = new Set(body.items.map((item: { table: string }) => item.table));
    expect([...tables].sort()).toEqual(['calendar', 'mci', 'refusal-grounds', 'rent-rates', 'sla-policy']);
    const baseline = body.items.slice(1) as Array<{ recordedBy: { id: string }; position: string }>;
    expect(new Set(baseline.map((item) => item.recordedBy.id))).toEqual(new Set(['system/law-baseline']));
    const positions = body.items.map((item: { position: string }) => BigInt(item.position));
    expect([...positions].sort((a, b) => (a > b ? -1 : 1))).toEqual(positions);
  });

  it('filters by table and year, and pages by cursor', async () => {
    const first = await e.as('reviewer').get('/reference/amendments?table=calendar&year=2026&limit=1').expect(200);
    expect(first.body.items.map((item: { version: string }) => item.version)).toEqual(['2026.2']);
    const second = await e
      .as('reviewer')
      .get(`/reference/amendments?table=calendar&year=2026&limit=1&cursor=${first.body.nextCursor as string}`)
      .expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ version: '2026.1' })], nextCursor: null });
    const mci = await e.as('supervisor').get('/reference/amendments?table=mci').expect(200);
    expect(mci.body.items[0].rowsAdded).toEqual(expect.arrayContaining([{ validFrom: '2026-01-01', value: 4325 }]));
  });

  it('names the application whose pending deadline the amendment moved, with both deadlines', async () => {
    const { body } = await e.as('auditor').get(`/reference/amendments/${amendmentId}/moved-applications`).expect(200);
    expect(body).toEqual({
      items: [
        {
          applicationId: pending,
          position: expect.stringMatching(/^\d+$/),
          rescheduledAt: '2026-08-25T05:00:00.000Z',
          previous: expect.objectContaining({
            dueOn: '2026-09-14',
            calendarVersion: expect.stringContaining('2026.1'),
          }),
          deadline: expect.objectContaining({
            dueOn: '2026-09-11',
            calendarVersion: expect.stringContaining('2026.2'),
          }),
          corrected: [],
          escalationStands: false,
        },
      ],
      nextCursor: null,
    });
    const baseline = (await e.as('admin').get('/reference/amendments?table=mci').expect(200)).body.items[0].eventId;
    expect((await e.as('admin').get(`/reference/amendments/${baseline}/moved-applications`).expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('refuses an unknown amendment, table or cursor, naming what is wrong', async () => {
    expectProblem(
      await e.as('admin').get(`/reference/amendments/${UNKNOWN_ID}/moved-applications`),
      404,
      'LAW.AMENDMENT_NOT_FOUND',
    );
    expectFieldErrors(await e.as('admin').get('/reference/amendments?table=holidays'), ['table']);
    expectFieldErrors(await e.as('admin').get('/reference/amendments?cursor=bm9wZQ'), ['cursor']);
    expectFieldErrors(
      await e.as('admin').get(`/reference/amendments/${amendmentId}/moved-applications?cursor=WyJ4Il0`),
      ['cursor'],
    );
  });
});
