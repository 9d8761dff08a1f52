import { E2eApp } from './support/e2e-app';
import { ALL_ACCEPTED, openQuota, reviewEligible, submitAndSign, confirmRefusal } from './support/journeys';
import { expectProblem, UNKNOWN_ID } from './support/problems';

describe('notices to the applicant over HTTP: the portal reads its own, officers any, in Kazakh and Russian', () => {
  let e: E2eApp;
  let included: string;
  let refused: string;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
    included = await submitAndSign(e);
    refused = await submitAndSign(e);
    e.clock.set('2026-03-10T06:00:00.000Z');
    await reviewEligible(e, included);
    const reviewer = e.as('reviewer', 'reviewer-1');
    await reviewer.post(`/applications/${refused}/review/start`).expect(200);
    const findings = ALL_ACCEPTED.map((f) => (f.documentIndex === 0 ? { ...f, accepted: false } : f));
    await reviewer
      .post(`/applications/${refused}/review`, {
        verdict: 'not-eligible',
        findings,
        grounds: ['INCOMPLETE_DOCUMENTS'],
        comment: 'Паспорттың аудармасы нотариатта куәландырылмаған',
      })
      .expect(200);
    await confirmRefusal(e, refused); // heard, and confirmed by a supervisor the same minute (ADR 32)
  });
  afterAll(() => e.close());

  it('an inclusion: accepted with its due date, the review started, then the decision with its number and both amounts', async () => {
    const { body } = await e.as('portal', 'egov').get(`/portal/applications/${included}/notices`).expect(200);
    expect(body.items.map((n: { kind: string }) => n.kind)).toEqual([
      'application-accepted',
      'review-started',
      'application-included',
    ]);
    const [accepted, , decision] = body.items;
    expect(accepted.texts.ru).toBe(
      'Ваше заявление о включении в региональную квоту приёма кандасов и переселенцев принято к рассмотрению 02.03.2026. Решение будет принято не позднее 26.03.2026.',
    );
    expect(accepted.texts.kk).toContain('02.03.2026 қарауға қабылданды');
    expect(decision.data).toMatchObject({
      decisionDate: '2026-03-10',
      persons: 3,
      relocationAmount: 908_250,
      rentAmount: 1_038_000,
      documentUrl: `/portal/applications/${included}/decision-document`,
    });
    expect(decision.texts.ru).toContain('(3 человека) включена в региональную квоту');
    expect(decision.texts.ru).toContain('на переезд — 908 250 ₸');
    expect(decision.texts.kk).toContain('көшуге — 908 250 ₸');
    expect(decision.template).toEqual({ id: 'application-included', version: 1 });
  });

  it('a refusal: each ground labelled in both languages from the list version decided under, the explanation, and until when to complain', async () => {
    const { body } = await e.as('reviewer').get(`/applications/${refused}/notices`).expect(200);
    // Proposed first, the hearing offered; its record; then the final refusal (ADR 32).
    expect(body.items.map((n: { kind: string }) => n.kind)).toEqual([
      'application-accepted',
      'review-started',
      'refusal-proposed',
      'hearing-recorded',
      'application-refused',
    ]);
    const [, , proposed, heard] = body.items;
    expect(proposed.texts.ru).toContain('принято предварительное решение об отказе');
    expect(proposed.texts.ru).toContain('Заслушивание по видеосвязи — не позднее');
    expect(proposed.texts.kk).toContain('бас тарту туралы алдын ала шешім қабылданды');
    expect(heard.texts.ru).toContain('проведено заслушивание по предварительному решению об отказе: вы участвовали');
    const decision = body.items.at(-1);
    expect(decision.kind).toBe('application-refused');
    expect(decision.data.grounds).toEqual([
      { code: 'INCOMPLETE_DOCUMENTS', kk: expect.any(String), ru: 'Неполный пакет документов' },
    ]);
    expect(decision.texts.ru).toContain('— Неполный пакет документов');
    expect(decision.texts.kk).toContain(`— ${decision.data.grounds[0].kk}`);
    expect(decision.data.complaint).toMatchObject({ termsVersion: '1', until: '2026-06-10', filingPeriodMonths: 3 });
    expect(decision.texts.ru).toContain('Решение можно обжаловать до 10.06.2026 (в течение 3 месяцев)');
    expect(decision.texts.ru).toContain('в течение 5 рабочих дней');
    expect(decision.texts.kk).toContain('10.06.2026 дейін (3 ай ішінде) шағым жасауға болады');
  });

  it('the portal reads only what it submitted: another portal actor gets 404, as for an id that names nothing', async () => {
    expectProblem(
      await e.as('portal', 'another-portal').get(`/portal/applications/${included}/notices`),
      404,
      'APPLICATION.NOT_FOUND',
    );
    expectProblem(
      await e.as('portal', 'egov').get(`/portal/applications/${UNKNOWN_ID}/notices`),
      404,
      'APPLICATION.NOT_FOUND',
    );
    expectProblem(await e.as('auditor').get(`/applications/${UNKNOWN_ID}/notices`), 404, 'APPLICATION.NOT_FOUND');
  });

  it('with no portal endpoint configured the notices are kept: pending, none parked, readiness up and saying so', async () => {
    const { body } = await e.as('operator').get('/admin/notices').expect(200);
    expect(body).toEqual({ items: [], nextCursor: null });
    expectProblem(await e.as('operator').post(`/admin/notices/${UNKNOWN_ID}/retry`), 404, 'NOTICE.NOT_FOUND');
    const ready = await e.http.get('/health/ready').expect(200);
    expect(ready.body.details.notices).toMatchObject({
      status: 'up',
      mode: 'kept-for-the-api',
      delivery: 'not-configured',
      queued: 8,
    });
    const metrics = await e.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/^kandas_notices_issued 8$/m);
    expect(metrics.text).toMatch(/^kandas_notices_queued 8$/m);
    expect(metrics.text).toMatch(/^kandas_notice_oldest_undelivered_age_seconds \d+/m);
  });

  it('an unknown query parameter is refused, like every query', async () => {
    expectProblem(await e.as('auditor').get(`/applications/${included}/notices?lang=kk`), 400, 'REQUEST.INVALID');
  });
});
