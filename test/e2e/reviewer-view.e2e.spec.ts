import type { ApplicationSubmission } from '@domain/application';
import { REFUSAL_GROUNDS_V1 } from '@domain/application';
import { ROLES } from '@libs/auth';
import { E2eApp } from './support/e2e-app';
import {
  ALL_ACCEPTED,
  APPLICANT_IIN,
  freshSubmissionBody,
  openQuota,
  submissionBody,
  submitAndSign,
} from './support/journeys';
import { appendsNothing, expectFieldErrors, expectProblem } from './support/problems';

const SPOUSE_IIN = submissionBody().familyMembers[0]!.iin!;

/** A family of its own (a person is on one open application only: ADR 16) whose applicant bears this name. */
const namedFamily = (lastName: string, firstName: string, latin?: ApplicationSubmission['applicant']['nameLatin']) =>
  freshSubmissionBody((s) => {
    const { nameLatin: _, ...applicant } = s.applicant;
    return { ...s, applicant: { ...applicant, name: { lastName, firstName }, ...(latin ? { nameLatin: latin } : {}) } };
  });

describe('the reviewer’s view of one application', () => {
  let e: E2eApp;
  let id: string;
  beforeAll(async () => {
    e = await E2eApp.start({ env: { KANDAS_COMMAND_RATE_LIMITS: 'off' } });
    await openQuota(e);
    // The fixture family, whose IINs the view is expected to show and mask; the other applications of
    // this store have persons of their own.
    id = await submitAndSign(e, submissionBody());
    await e.as('reviewer', 'reviewer-1').post(`/applications/${id}/review/start`).expect(200);
    await e.settle();
  });
  afterAll(() => e.close());

  it('shows everything an officer decides on: the people, contacts, each document judged, the SLA, the review so far', async () => {
    const { body, headers } = await e.as('reviewer', 'reviewer-1').get(`/applications/${id}`).expect(200);
    const sent = submissionBody();
    const { contacts, ...applicant } = sent.applicant;
    expect(body.data).toEqual({
      applicationId: id,
      status: 'under-review',
      applicantName: 'Нұрланұлы Ержан Серікұлы',
      category: 'kandas',
      region: 'pavlodar',
      year: 2026,
      persons: 3,
      submittedAt: expect.any(String),
      signedAt: expect.any(String),
      channel: sent.channel,
      settlement: sent.settlement,
      consent: sent.consent,
      applicant,
      contacts,
      familyMembers: sent.familyMembers,
      documents: sent.documents.map((doc, index) => ({
        index,
        kind: doc.kind,
        issuedOn: doc.issuedOn ?? null,
        expiresOn: doc.expiresOn ?? null,
        fileRef: doc.fileRef,
        sha256: doc.sha256,
        validity: 'valid',
      })),
      documentPolicyVersion: '2026.1',
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      sla: {
        acceptedOn: '2026-03-02',
        dueOn: '2026-03-26',
        dueAt: '2026-03-26T13:30:00.000Z',
        dueAtLocal: '2026-03-26T18:30:00.000+05:00',
        atRiskAt: expect.any(String),
        atRisk: false,
        breached: false,
        escalated: false,
      },
      review: {
        reviewerId: 'reviewer-1',
        verdict: null,
        findings: [],
        grounds: [],
        groundsListVersion: null,
        comment: null,
        reviewedAt: null,
      },
      decision: null,
      withdrawnAt: null,
      refusalProposal: null,
      complaints: [],
      revocations: [],
      updatedAt: expect.any(String),
      revision: 5, // submitted, signing code issued (ADR 17), signed, deadline scheduled, the hearing notice’s deadline (ADR 32), review started
      clock: { state: 'on-time', workingDaysLeft: 14 }, // as of the read, on the day of acceptance
    });
    expect(headers.etag).toBe('"5"');
  });

  it('masks every IIN of the application for the roles that do not decide on it', async () => {
    const { body } = await e.as('auditor').get(`/applications/${id}`).expect(200);
    expect(body.data.applicant.iin).toBe(`**********${APPLICANT_IIN.slice(10)}`);
    expect(body.data.familyMembers[0].iin).toBe(`**********${SPOUSE_IIN.slice(10)}`);
  });

  it('gives no ETag of its own to the other answers: Express’s body hashes are off', async () => {
    const { headers } = await e.as('reviewer').get('/applications').expect(200);
    expect(headers.etag).toBeUndefined();
  });

  it('round-trips the ETag: If-Match with it is accepted (200), with an older one refused (409), nothing appended', async () => {
    const other = await submitAndSign(e);
    await e.settle();
    const reviewer = e.as('reviewer', 'reviewer-2');
    const seen = (await reviewer.get(`/applications/${other}`).expect(200)).headers.etag as string;
    const started = await reviewer.post(`/applications/${other}/review/start`).set('If-Match', seen).expect(200);
    expect(`"${started.body.revision}"`).not.toBe(seen);

    const stale = await appendsNothing(e, () =>
      reviewer
        .post(`/applications/${other}/review`, { verdict: 'eligible', findings: ALL_ACCEPTED, grounds: [] })
        .set('If-Match', seen),
    );
    expectProblem(stale, 409, 'EVENT_STORE.WRONG_EXPECTED_REVISION');

    const fresh = (await reviewer.get(`/applications/${other}?atLeast=${started.body.position}`).expect(200)).headers
      .etag as string;
    expect(fresh).toBe(`"${started.body.revision}"`);
    await reviewer
      .post(`/applications/${other}/review`, { verdict: 'eligible', findings: ALL_ACCEPTED, grounds: [] })
      .set('If-Match', fresh)
      .expect(200);
  });

  it('answers 404 for an application that does not exist', async () => {
    expectProblem(
      await e.as('reviewer').get('/applications/00000000-0000-4000-8000-000000000000'),
      404,
      'APPLICATION.NOT_FOUND',
    );
  });
});

describe('finding work: search, due filters, strict query strings, pages', () => {
  let e: E2eApp;
  const ids: Record<string, string> = {};
  const sent: Record<string, ApplicationSubmission> = {
    kazakh: namedFamily('Серікбаев', 'Нұрлан'),
    russian: namedFamily('Серикбаев', 'Нурлан'),
    latin: namedFamily('Serikbayev', 'Nurlan'),
    other: namedFamily('Иванов', 'Сергей', { lastName: 'Ivanov', firstName: 'Sergei' }),
  };
  beforeAll(async () => {
    e = await E2eApp.start({ env: { KANDAS_COMMAND_RATE_LIMITS: 'off' } });
    await openQuota(e);
    ids.kazakh = await submitAndSign(e, sent.kazakh);
    ids.russian = await submitAndSign(e, sent.russian);
    ids.latin = await submitAndSign(e, sent.latin);
    await e.advanceTo('2026-03-03T05:00:00.000Z');
    ids.other = await submitAndSign(e, sent.other);
    await e.settle();
  });
  afterAll(() => e.close());

  const search = async (query: string) => {
    const { body } = await e.as('reviewer').get(`/applications?${query}`).expect(200);
    const byId = Object.fromEntries(Object.entries(ids).map(([key, value]) => [value, key]));
    return (body.data.items as Array<{ applicationId: string }>).map((item) => byId[item.applicationId]).sort();
  };

  it.each(['Нұрлан', 'нурлан', 'НУРЛАН', 'Nurlan', 'nurlan', 'серикбаев нурлан', 'Serikbaev'])(
    'finds "%s" in Kazakh, Russian and Latin spelling alike',
    async (name) => expect(await search(`name=${encodeURIComponent(name)}`)).toEqual(['kazakh', 'latin', 'russian']),
  );

  it('finds a passport’s Latin name and its Cyrillic one', async () => {
    expect(await search('name=Ivanov')).toEqual(['other']);
    expect(await search(`name=${encodeURIComponent('Иванов')}`)).toEqual(['other']);
  });

  it('finds by IIN exactly, the applicant’s or a family member’s', async () => {
    // Each family has persons of its own (ADR 16): an IIN finds the one application naming it.
    for (const [key, submission] of Object.entries(sent)) {
      expect(await search(`iin=${submission.applicant.iin}`)).toEqual([key]);
      for (const member of submission.familyMembers)
        if (member.iin !== undefined) expect(await search(`iin=${member.iin}`)).toEqual([key]);
    }
    expect(await search('iin=000000000101')).toEqual([]);
  });

  it('filters by due date or instant', async () => {
    // Signed on 2 March: due 26 March; on 3 March: due 27 March.
    expect(await search('dueBefore=2026-03-27')).toEqual(['kazakh', 'latin', 'russian']);
    expect(await search('dueAfter=2026-03-26')).toEqual(['other']);
    expect(await search(`dueAfter=${encodeURIComponent('2026-03-27T18:29:59+05:00')}`)).toEqual(['other']);
    expect(await search(`dueBefore=${encodeURIComponent('2026-03-26T18:30:00+05:00')}`)).toEqual([]);
  });

  it.each([
    ['an unknown parameter', '/applications?colour=red', 'colour'],
    ['an unknown region', '/applications?region=atlantis', 'region'],
    ['an unknown status', '/applications?status=bogus', 'status'],
    ['an unknown category', '/applications?category=tourist', 'category'],
    ['a parameter given twice', '/applications?region=pavlodar&region=akmola', 'region'],
    ['a limit above the maximum', '/applications?limit=201', 'limit'],
    ['a limit of zero', '/applications?limit=0', 'limit'],
    ['a cursor no list returned', '/applications?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['a malformed IIN', '/applications?iin=85031540', 'iin'],
    ['a due date that is no date', '/applications?dueBefore=26.03.2026', 'dueBefore'],
    ['a due date that does not exist', '/applications?dueAfter=2026-02-30', 'dueAfter'],
    ['atRisk that is not a boolean', '/applications?atRisk=yes', 'atRisk'],
    ['an unknown parameter of a queue', '/queues/unassigned?sort=due', 'sort'],
    ['an unknown parameter of the view', `/applications/00000000-0000-4000-8000-000000000000?full=1`, 'full'],
    ['an unknown region of the quotas', '/quotas?region=atlantis', 'region'],
    ['an unknown parameter of the dashboard', '/dashboard/sla?month=3', 'month'],
  ])('refuses %s with a 400 naming it', async (_, path, field) => {
    expectFieldErrors(await e.as('supervisor').get(path), [field]);
  });

  it('walks every page of the list, none repeated, while applications keep arriving between the pages', async () => {
    const before = (await e.as('reviewer').get('/applications?limit=200').expect(200)).body.data.items.map(
      (item: { applicationId: string }) => item.applicationId,
    ) as string[];
    const seen: string[] = [];
    let cursor: string | null = null;
    let arrivals = 0;
    do {
      const query: string = `/applications?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await e.as('reviewer').get(query).expect(200);
      expect(page.body.data.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.items.map((item: { applicationId: string }) => item.applicationId));
      cursor = page.body.data.nextCursor;
      if (arrivals < 2) {
        arrivals++;
        await e.as('portal', 'egov').post('/applications', freshSubmissionBody()).expect(201);
        await e.settle();
      }
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(before));
  });

  it('pages the queues the same way: { items, nextCursor }, by due date', async () => {
    const whole = (await e.as('supervisor').get('/queues/unassigned?limit=200').expect(200)).body.data;
    expect(whole.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/queues/unassigned?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await e.as('supervisor').get(query).expect(200);
      seen.push(...page.body.data.items.map((item: { applicationId: string }) => item.applicationId));
      cursor = page.body.data.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(whole.items.map((item: { applicationId: string }) => item.applicationId));
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });
});

describe('the refusal grounds, for every caller', () => {
  let e: E2eApp;
  beforeAll(async () => (e = await E2eApp.start({ env: { KANDAS_COMMAND_RATE_LIMITS: 'off' } })));
  afterAll(() => e.close());

  it.each([...ROLES])(
    'lists the codes with their Kazakh, Russian and English labels and the list version, for %s',
    async (role) => {
      const { body } = await e.as(role).get('/reference/refusal-grounds').expect(200);
      expect(body.version).toBe('1');
      expect(body.grounds).toHaveLength(REFUSAL_GROUNDS_V1.grounds.length);
      expect(body.grounds[0]).toEqual({
        code: 'INCOMPLETE_DOCUMENTS',
        labels: {
          kk: 'Құжаттар топтамасы толық емес',
          ru: 'Неполный пакет документов',
          en: 'Incomplete package of documents',
        },
        explanationRequired: false,
      });
    },
  );

  it('names the valid codes when a review names one not on the list', async () => {
    await openQuota(e);
    const id = await submitAndSign(e);
    const reviewer = e.as('reviewer', 'reviewer-9');
    await reviewer.post(`/applications/${id}/review/start`).expect(200);
    const refused = await appendsNothing(e, () =>
      reviewer.post(`/applications/${id}/review`, {
        verdict: 'not-eligible',
        findings: ALL_ACCEPTED,
        grounds: ['BAD_MOOD'],
      }),
    );
    expectProblem(refused, 422, 'APPLICATION.INVALID_REVIEW');
    const reason = (refused.body.errors as Array<{ field: string; reason: string }>).find(
      (error) => error.field === 'grounds[0]',
    )!.reason;
    for (const ground of REFUSAL_GROUNDS_V1.grounds) expect(reason).toContain(ground.code);
  });
});
