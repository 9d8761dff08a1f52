import { E2eApp } from './support/e2e-app';
import { ALL_ACCEPTED, openQuota, submitAndSign } from './support/journeys';

const CONSTITUTION_DAY = {
  legalBasis: {
    kind: 'announcement',
    date: '2026-03-18',
    title: 'Ministry of Labour: Constitution Day moved to 15 March; 30 August no longer a holiday',
    source: 'https://taspanews.kz/',
  },
  takesEffectOn: '2026-03-18',
};

describe('the law in force, as amendable data (issue 16)', () => {
  let app: E2eApp;
  afterEach(async () => app?.close());

  it('2026 has 247 working days by the service’s own calendar query, and 2027 has 15 March off', async () => {
    app = await E2eApp.start();
    const y2026 = await app.as('reviewer').get('/reference/calendar/2026').expect(200);
    expect(y2026.body.inForce).toMatchObject({ year: 2026, version: '2026.2', workingDays: 247, provisional: false });
    expect(y2026.body.inForce.daysOff.map((d: { date: string }) => d.date)).not.toContain('2026-08-31');
    expect(y2026.body.history.map((a: { version: string; workingDays: number }) => [a.version, a.workingDays])).toEqual(
      [
        ['2026.1', 246],
        ['2026.2', 247],
      ],
    );
    expect(y2026.body.history[1]).toMatchObject({
      legalBasis: { kind: 'announcement', date: '2026-03-18', source: 'https://taspanews.kz/' },
      daysOffRemoved: ['2026-08-31'],
    });

    const y2027 = await app.as('auditor').get('/reference/calendar/2027').expect(200);
    const daysOff2027 = y2027.body.inForce.daysOff.map((d: { date: string }) => d.date);
    expect(daysOff2027).toContain('2027-03-15');
    expect(daysOff2027).not.toContain('2027-08-30');
    expect(y2027.body.inForce.provisional).toBe(true);

    // As in force before the correction was announced.
    const before = await app.as('supervisor').get('/reference/calendar/2026?at=2026-03-17').expect(200);
    expect(before.body.inForce).toMatchObject({ version: '2026.1', workingDays: 246 });
    await app.as('reviewer').get('/reference/calendar/2024').expect(404);
  });

  it('the MCI has the 2022 mid-year row and no 2027 row until an administrator records it', async () => {
    app = await E2eApp.start();
    const mci = await app.as('reviewer').get('/reference/mci').expect(200);
    expect(mci.body.inForce.table).toContainEqual({ validFrom: '2022-06-01', value: 3180 });
    expect(mci.body.inForce.table.some((r: { validFrom: string }) => r.validFrom.startsWith('2027'))).toBe(false);
    const recorded = await app
      .as('admin')
      .post('/admin/law/mci', {
        validFrom: '2027-01-01',
        value: 4500,
        ...CONSTITUTION_DAY,
        takesEffectOn: '2027-01-01',
      })
      .set('If-Match', `"${mci.body.revision}"`)
      .expect(200);
    expect(recorded.body).toMatchObject({ streamId: 'law-mci', events: ['MciAmended'] });
    const after = await app.as('reviewer').get('/reference/mci').expect(200);
    expect(after.body.inForce.table).toContainEqual({ validFrom: '2027-01-01', value: 4500 });
    expect(
      (await app.as('reviewer').get('/reference/mci?at=2026-12-31').expect(200)).body.inForce.table,
    ).not.toContainEqual({
      validFrom: '2027-01-01',
      value: 4500,
    });
    await app.as('reviewer').get('/reference/sla-policy').expect(200);
    await app.as('reviewer').get('/reference/rent-rates').expect(200);
    const grounds = await app.as('portal').get('/reference/refusal-grounds').expect(200);
    expect(grounds.body.version).toBe('1');
  });

  it('seeded as of 17 March 2026, the correction of 31 August is applied by an administrator, with its legal basis', async () => {
    app = await E2eApp.start({ env: { KANDAS_LAW_BASELINE_AS_OF: '2026-03-17' } });
    const before = await app.as('admin').get('/reference/calendar/2026').expect(200);
    expect(before.body).toMatchObject({ revision: 0, inForce: { version: '2026.1', workingDays: 246 } });

    await app
      .as('reviewer')
      .post('/admin/law/calendar/2026/worked-days', { date: '2026-08-31', ...CONSTITUTION_DAY })
      .expect(403);
    const badBasis = {
      ...CONSTITUTION_DAY,
      legalBasis: { ...CONSTITUTION_DAY.legalBasis, source: 'http://taspanews.kz/' },
    };
    const refused = await app
      .as('admin')
      .post('/admin/law/calendar/2026/worked-days', { date: '2026-08-31', ...badBasis })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'LAW.BASIS_INVALID' });
    await app.as('admin').post('/admin/law/calendar/2026/worked-days', { date: '2026-08-31' }).expect(400);

    const amended = await app
      .as('admin')
      .post('/admin/law/calendar/2026/worked-days', {
        date: '2026-08-31',
        expectedWorkingDays: 247,
        ...CONSTITUTION_DAY,
      })
      .set('If-Match', '"0"')
      .expect(200);
    expect(amended.body).toMatchObject({ streamId: 'law-calendar-2026', revision: 1, events: ['CalendarYearAmended'] });
    const after = await app.as('admin').get('/reference/calendar/2026').expect(200);
    expect(after.body.inForce).toMatchObject({ version: '2026.2', workingDays: 247 });

    const stale = await app
      .as('admin')
      .post('/admin/law/calendar/2026/days-off', {
        date: '2026-12-18',
        kind: 'holiday',
        name: 'x',
        ...CONSTITUTION_DAY,
      })
      .set('If-Match', '"0"')
      .expect(409);
    expect(stale.body.code).toBeDefined();
  });

  it('a review decides with the refusal grounds in force: a ground added by an amendment is accepted, under the new list version', async () => {
    app = await E2eApp.start();
    const before = await app.as('reviewer').get('/reference/refusal-grounds').expect(200);
    const newGround = {
      code: 'RELOCATION_REGION_CLOSED',
      ru: 'Регион не принимает переселенцев',
      kk: 'Өңір қоныс аударушыларды қабылдамайды',
      en: 'The region does not receive resettlers',
      explanationRequired: true,
    };
    type Listed = { code: string; labels: object; explanationRequired: boolean };
    // The reference answer groups the labels; the amendment takes them as the list states them.
    const listed = (before.body.grounds as Listed[]).map(({ code, labels, explanationRequired }) => ({
      code,
      ...labels,
      explanationRequired,
    }));
    const grounds = [...listed, newGround];
    await openQuota(app, 500);
    const id = await submitAndSign(app);
    await app.as('reviewer', 'reviewer-1').post(`/applications/${id}/review/start`).expect(200);
    const notYet = await app.as('reviewer', 'reviewer-1').post(`/applications/${id}/review`, {
      verdict: 'not-eligible',
      findings: ALL_ACCEPTED,
      grounds: [newGround.code],
      comment: 'Closed by the regional akimat',
    });
    expect(notYet.status).toBe(422);
    expect(notYet.body.errors).toEqual([expect.objectContaining({ field: 'grounds[0]' })]);
    await app
      .as('admin')
      .put('/admin/law/refusal-grounds', {
        grounds,
        legalBasis: {
          kind: 'order',
          number: '20',
          date: '2026-12-01',
          title: 'Order No. 20 of 15.01.2016 as amended: a new refusal ground',
          source: 'https://adilet.zan.kz/rus/docs/V1600013334',
        },
        takesEffectOn: '2026-12-05',
      })
      .expect(200);
    const reviewed = await app
      .as('reviewer', 'reviewer-1')
      .post(`/applications/${id}/review`, {
        verdict: 'not-eligible',
        findings: ALL_ACCEPTED,
        grounds: [newGround.code],
        comment: 'Closed by the regional akimat',
      })
      .expect(200);
    expect(reviewed.body.events).toEqual(['ApplicationReviewed']);
    const history = await app.as('auditor').get(`/audit/applications/${id}/history`).expect(200);
    expect(JSON.stringify(history.body)).toContain('"groundsListVersion":"2"');
  });
});
