import { E2eApp } from './support/e2e-app';
import {
  ALL_ACCEPTED,
  APPLICANT_IIN,
  openQuota,
  reviewEligible,
  submitAndSign,
  confirmRefusal,
} from './support/journeys';
import { expectProblem, UNKNOWN_ID } from './support/problems';

/** The application's story over HTTP (ADR 27): the history told in a language, and the decision in one answer. */
describe('reading an application’s story over HTTP', () => {
  let e: E2eApp;
  let onTime: string;
  let late: string;
  let undecided: string;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
    e.clock.set('2026-03-02T05:01:00.000Z');
    onTime = await submitAndSign(e);
    late = await submitAndSign(e);
    undecided = await submitAndSign(e);
    await e.settle();
    e.clock.set('2026-03-10T06:00:00.000Z');
    await reviewEligible(e, onTime, 'reviewer-7');
    await e.settle();
    // Past the due day (Thursday 26 March, 18:30 in Almaty) by three working days: 27, 30 and 31 March.
    await e.advanceTo('2026-03-31T06:00:00.000Z');
    const reviewer = e.as('reviewer', 'reviewer-9');
    await reviewer.post(`/applications/${late}/review/start`).expect(200);
    await reviewer
      .post(`/applications/${late}/review`, {
        verdict: 'not-eligible',
        findings: ALL_ACCEPTED.map((f) => (f.documentIndex === 0 ? { ...f, accepted: false, note: 'expired' } : f)),
        grounds: ['INVALID_OR_EXPIRED_DOCUMENTS', 'INCOMPLETE_DOCUMENTS'],
      })
      .expect(200);
    await confirmRefusal(e, late); // heard, and confirmed by a supervisor the same minute (ADR 32)
  });
  afterAll(() => e.close());

  it('tells each event of the history in Russian by default, in Almaty time, beside its fields', async () => {
    const response = await e.as('auditor').get(`/audit/applications/${onTime}/history`).expect(200);
    expect(response.headers['content-language']).toBe('ru');
    const events = response.body.events as { type: string; text: string; occurredAtLocal: string }[];
    expect(events[0]).toMatchObject({
      type: 'ApplicationSubmitted',
      occurredAt: '2026-03-02T05:01:00.000Z',
      occurredAtLocal: '2026-03-02T10:01:00.000+05:00',
      text: '02.03.2026 10:01 — портал eGov: подано заявление заявителя на включение в квоту — Павлодарская область, 2026 год, категория «кандас», 3 человека.',
    });
    const texts = events.map((event) => event.text);
    expect(texts).toContain(
      '10.03.2026 11:00 — рецензент reviewer-7: заявление признано соответствующим требованиям (3 человека).',
    );
    expect(texts.find((text) => text.includes('включено в квоту'))).toMatch(
      /^10\.03\.2026 11:00 — система \(процесс\): заявление включено в квоту .*; решение № \S+ от 10\.03\.2026; срок \(26\.03\.2026 18:30\) соблюдён\.$/,
    );
    expect(texts.join('\n')).not.toContain(APPLICANT_IIN);
  });

  it('speaks Kazakh or English when Accept-Language asks, and says so in Content-Language', async () => {
    const kk = await e
      .as('reviewer')
      .get(`/audit/applications/${late}/history`)
      .set('Accept-Language', 'kk-KZ, ru;q=0.5')
      .expect(200);
    expect(kk.headers['content-language']).toBe('kk');
    expect(kk.body.events.map((event: { text: string }) => event.text)).toContain(
      '31.03.2026 11:00 — сарапшы reviewer-9: қарау басталды (сарапшы reviewer-9).',
    );
    const en = await e
      .as('auditor')
      .get(`/audit/applications/${late}/history`)
      .set('Accept-Language', 'en')
      .expect(200);
    expect(en.headers['content-language']).toBe('en');
    expect(en.body.events.map((event: { text: string }) => event.text)).toContain(
      '31.03.2026 11:00 — the system (deadline scheduler): the review deadline (26.03.2026 18:30) passed without a decision.',
    );
  });

  it('answers who decided an inclusion, when, with the subsidies and the MCI, and that the deadline was met', async () => {
    const response = await e.as('supervisor').get(`/audit/applications/${onTime}/decision`).expect(200);
    expect(response.headers['content-language']).toBe('ru');
    expect(response.body).toMatchObject({
      applicationId: onTime,
      decided: true,
      status: 'included',
      outcome: 'included',
      decidedBy: { id: 'reviewer-7', role: 'reviewer', text: 'рецензент reviewer-7' },
      recordedBy: { id: 'review-saga', role: 'system', text: 'система (процесс)' },
      decidedAt: '2026-03-10T06:00:00.000Z',
      decidedAtLocal: '2026-03-10T11:00:00.000+05:00',
      decisionDate: '2026-03-10',
      grounds: [],
      groundsListVersion: null,
      amounts: {
        relocation: 70 * 4325 * 3,
        rent: expect.any(Number),
        mci: { value: 4325, year: 2026, validFrom: '2026-01-01' },
      },
      deadline: {
        dueAt: '2026-03-26T13:30:00.000Z',
        dueAtLocal: '2026-03-26T18:30:00.000+05:00',
        calendarVersion: expect.stringContaining('2026.'),
      },
      met: true,
      workingDaysLate: null,
      reschedulings: [],
    });
    expect(response.body.summary).toMatch(
      /^Заявление включено в квоту: решение № \S+ от 10\.03\.2026, принято 10\.03\.2026 11:00 \(рецензент reviewer-7\); субсидии: [\d ]+ ₸ \(МРП 2026 года — 4 325 ₸.*\); срок — 26\.03\.2026 18:30 \(календарь [\d.+]+\), соблюдён\.$/,
    );
  });

  it('answers a late refusal with each ground labelled in the language asked and the working days it was late', async () => {
    const { body } = await e
      .as('auditor')
      .get(`/audit/applications/${late}/decision`)
      .set('Accept-Language', 'kk')
      .expect(200);
    expect(body).toMatchObject({
      decided: true,
      outcome: 'refused',
      // The refusal is the supervisor's confirmation of the reviewer's proposal (ADR 32).
      decidedBy: { id: 'supervisor-1', role: 'supervisor', text: 'басшы supervisor-1' },
      grounds: [
        { code: 'INVALID_OR_EXPIRED_DOCUMENTS', label: 'Құжаттар жарамсыз немесе мерзімі өткен' },
        { code: 'INCOMPLETE_DOCUMENTS', label: 'Құжаттар топтамасы толық емес' },
      ],
      groundsListVersion: '1',
      amounts: { relocation: null, rent: null, total: null, mci: null },
      met: false,
      workingDaysLate: 3,
    });
    expect(body.summary).toContain('мерзім — 26.03.2026 18:30');
    expect(body.summary).toContain('бұзылды, 3 жұмыс күніне кешікті');
    const ru = await e.as('auditor').get(`/audit/applications/${late}/decision`).expect(200);
    expect(ru.body.grounds[0]).toEqual({
      code: 'INVALID_OR_EXPIRED_DOCUMENTS',
      label: 'Документы недействительны или истёк срок их действия',
    });
    expect(ru.body.summary).toContain('нарушен на 3 рабочих дня');
  });

  it('answers an undecided application with its status and due date', async () => {
    const { body } = await e
      .as('reviewer')
      .get(`/audit/applications/${undecided}/decision`)
      .set('Accept-Language', 'en')
      .expect(200);
    expect(body).toMatchObject({
      decided: false,
      status: 'signed',
      outcome: null,
      decidedBy: null,
      met: null,
      deadline: { dueAt: '2026-03-26T13:30:00.000Z' },
    });
    expect(body.summary).toBe('Not decided yet (status: signed, awaiting review); the review is due 26.03.2026 18:30.');
  });

  it('answers 404 for no application, and forbids the portal', async () => {
    expectProblem(
      await e.as('auditor').get(`/audit/applications/${UNKNOWN_ID}/decision`),
      404,
      'APPLICATION.NOT_FOUND',
    );
    expectProblem(await e.as('portal', 'egov').get(`/audit/applications/${onTime}/decision`), 403, 'AUTH.FORBIDDEN');
  });
});
