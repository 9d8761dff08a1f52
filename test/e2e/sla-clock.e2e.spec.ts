import { E2eApp } from './support/e2e-app';
import { openQuota, reviewEligible, submitAndSign } from './support/journeys';
import { expectFieldErrors } from './support/problems';

interface Listed {
  applicationId: string;
  clock: { state: string; workingDaysLeft: number | null };
}

/**
 * Issue 19: the console shows each application's review clock — the working days left until its due
 * day, on Kazakhstan's working-day calendar in force, in Almaty — computed by the service at read time
 * (never by the browser, never stored), in every list and in the details; and the SLA over weeks.
 */
describe('the review clock in every answer, and the SLA by week', () => {
  let e: E2eApp;
  let open: string;
  let decided: string;
  beforeAll(async () => {
    e = await E2eApp.start({ env: { KANDAS_COMMAND_RATE_LIMITS: 'off' } });
    await openQuota(e);
    // Signed on Monday 2 March 2026 at 10:00 in Almaty: due on Thursday 26 March at 18:30, across Nauryz.
    open = await submitAndSign(e);
    decided = await submitAndSign(e);
    await reviewEligible(e, decided);
    await e.settle();
  });
  afterAll(() => e.close());

  const clockIn = async (path: string, role: 'reviewer' | 'supervisor' | 'auditor', id = open) => {
    const { body } = await e.as(role).get(path).expect(200);
    return (body.data.items as Listed[]).find((item) => item.applicationId === id)?.clock;
  };
  const detailsClock = async (id = open) =>
    (await e.as('reviewer').get(`/applications/${id}`).expect(200)).body.data.clock;

  it('gives the whole term on the day of acceptance, in the queues, the lists and the details', async () => {
    const whole = { state: 'on-time', workingDaysLeft: 14 };
    expect(await clockIn('/queues/unassigned', 'reviewer')).toEqual(whole);
    expect(await clockIn('/applications?region=pavlodar', 'auditor')).toEqual(whole);
    expect(await detailsClock()).toEqual(whole);
  });

  it('stops at the decision: decided on time, no days left to count', async () => {
    expect(await detailsClock(decided)).toEqual({ state: 'decided-on-time', workingDaysLeft: null });
    expect(await clockIn('/applications?status=included', 'supervisor', decided)).toEqual({
      state: 'decided-on-time',
      workingDaysLeft: null,
    });
  });

  it('counts working days, not calendar days: on Friday 20 March one is left, Nauryz in between', async () => {
    await e.advanceTo('2026-03-20T06:00:00.000Z');
    expect(await detailsClock()).toEqual({ state: 'at-risk', workingDaysLeft: 1 });
    expect(await clockIn('/queues/unassigned', 'reviewer')).toEqual({ state: 'at-risk', workingDaysLeft: 1 });
  });

  it('turns breached at the due instant, and counts the working days since', async () => {
    await e.advanceTo('2026-03-26T13:31:00.000Z');
    expect(await clockIn('/queues/supervisors', 'supervisor')).toEqual({ state: 'breached', workingDaysLeft: 0 });
    await e.advanceTo('2026-03-30T04:00:00.000Z');
    expect(await detailsClock()).toEqual({ state: 'breached', workingDaysLeft: -2 });
  });

  it('groups the applications by the ISO week of their due day, with the dashboard’s five counts', async () => {
    // A third application signed on Monday 30 March is due three weeks later.
    const later = await submitAndSign(e);
    await e.settle();
    const { body } = await e.as('supervisor').get('/dashboard/sla/weeks?year=2026').expect(200);
    expect(body.data).toEqual({
      items: [
        {
          week: '2026-W13',
          weekStart: '2026-03-23',
          weekEnd: '2026-03-29',
          openOnTime: 0,
          atRisk: 0,
          breached: 1,
          decidedOnTime: 1,
          decidedLate: 0,
        },
        expect.objectContaining({ openOnTime: 1, breached: 0, decidedOnTime: 0 }),
      ],
      nextCursor: null,
    });
    const due = (await e.as('supervisor').get(`/applications/${later}`).expect(200)).body.data.sla.dueOn;
    expect(body.data.items[1].weekStart <= due && due <= body.data.items[1].weekEnd).toBe(true);
  });

  it('filters the weeks by region and pages them like every list', async () => {
    const elsewhere = await e.as('operator').get('/dashboard/sla/weeks?region=abai').expect(200);
    expect(elsewhere.body.data).toEqual({ items: [], nextCursor: null });
    const first = (await e.as('admin').get('/dashboard/sla/weeks?region=pavlodar&limit=1').expect(200)).body.data;
    expect(first.items.map((w: { week: string }) => w.week)).toEqual(['2026-W13']);
    const next = await e
      .as('auditor')
      .get(`/dashboard/sla/weeks?region=pavlodar&limit=1&cursor=${first.nextCursor}`)
      .expect(200);
    expect(next.body.data.items).toHaveLength(1);
    expect(next.body.data.nextCursor).toBeNull();
  });

  it.each([
    ['an unknown region', '/dashboard/sla/weeks?region=atlantis', 'region'],
    ['a year that is not one', '/dashboard/sla/weeks?year=26', 'year'],
    ['an unknown parameter', '/dashboard/sla/weeks?week=2026-W13', 'week'],
    ['a cursor no list returned', '/dashboard/sla/weeks?cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ])('refuses %s with a 400 naming it', async (_, path, field) => {
    expectFieldErrors(await e.as('supervisor').get(path), [field]);
  });
});
