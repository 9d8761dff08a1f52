import type { PersonName } from '@domain/shared/person-name';
import type { Role } from '@libs/auth';
import { E2eApp } from './support/e2e-app';
import {
  ALL_ACCEPTED,
  APPLICANT_IIN,
  freshSubmissionBody,
  openQuota,
  submissionBody,
  submitAndSign,
} from './support/journeys';
import {
  appendsNothing,
  eventsOfType,
  expectFieldErrors,
  expectProblem,
  sendRaw,
  UNKNOWN_ID,
  withRawBytes,
} from './support/problems';

type Body = Record<string, unknown>;
/** A field-level failure: the body sent and the fields the answer must name. */
type Faulty = [body: Body, fields: string[]];

interface CommandEndpoint {
  readonly route: string;
  readonly role: Role;
  readonly path: (id: string) => string;
  /** A body the command accepts; absent for commands that take none. */
  readonly valid?: Body;
  readonly wrongTypes?: Faulty;
  readonly required?: string[];
  readonly tooLong?: Faulty;
  readonly hostile?: Faulty;
  /** What a well-formed id naming nothing answers. */
  readonly unknown?: [status: number, code: string];
}

const SQL = "x'); DROP TABLE events; --";
const NOSQL = { $ne: null };
const DEEP = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
// Through unknown: the typed submission as the loose JSON body these tests take apart and spoil.
const submission = submissionBody() as unknown as Body;
const withApplicant = (change: Body): Body => ({
  ...submission,
  applicant: { ...(submission.applicant as Body), ...change },
});
const nameOf = (change: Body): Body =>
  withApplicant({ name: { lastName: 'Нұрланұлы', firstName: 'Ержан', ...change } });
const NOT_FOUND: [number, string] = [404, 'APPLICATION.NOT_FOUND'];
const reason = (route: string, role: Role, path: (id: string) => string): CommandEndpoint => ({
  route,
  role,
  path,
  valid: { reason: 'The family stays' },
  wrongTypes: [{ reason: 42 }, ['reason']],
  required: ['reason'],
  tooLong: [{ reason: 'x'.repeat(1001) }, ['reason']],
  hostile: [{ reason: NOSQL }, ['reason']],
  unknown: NOT_FOUND,
});

const ENDPOINTS: CommandEndpoint[] = [
  {
    route: 'POST /applications',
    role: 'portal',
    path: () => '/applications',
    valid: submission,
    wrongTypes: [
      { ...submission, year: '2026', consent: { given: 'yes', givenAt: 5 }, familyMembers: {} },
      ['year', 'consent.given', 'consent.givenAt', 'familyMembers'],
    ],
    required: ['channel', 'consent', 'region', 'year', 'settlement', 'applicant', 'familyMembers', 'documents'],
    tooLong: [nameOf({ lastName: 'Ә'.repeat(101) }), ['applicant.name.lastName']],
    hostile: [nameOf({ firstName: SQL, lastName: NOSQL }), ['applicant.name.firstName', 'applicant.name.lastName']],
  },
  {
    route: 'POST /applications/:id/otp',
    role: 'portal',
    path: (id) => `/applications/${id}/otp`,
    valid: { signerIin: APPLICANT_IIN },
    wrongTypes: [{ signerIin: Number(APPLICANT_IIN) }, ['signerIin']],
    required: ['signerIin'],
    tooLong: [{ signerIin: '8'.repeat(5000) }, ['signerIin']],
    hostile: [{ signerIin: `${APPLICANT_IIN}' OR '1'='1` }, ['signerIin']],
    unknown: NOT_FOUND,
  },
  {
    route: 'POST /applications/:id/sign',
    role: 'portal',
    path: (id) => `/applications/${id}/sign`,
    valid: { method: 'otp', signerIin: APPLICANT_IIN, otpRequestId: 'otp-request-1', code: '123456' },
    wrongTypes: [
      { method: 1, signerIin: true, otpRequestId: 7, code: 123456 },
      ['method', 'signerIin', 'otpRequestId', 'code'],
    ],
    required: ['method', 'signerIin'],
    tooLong: [
      {
        method: 'eds',
        signerIin: APPLICANT_IIN,
        signatureBase64: 'A'.repeat(16_385),
        certificatePem: 'x'.repeat(32_769),
      },
      ['signatureBase64', 'certificatePem'],
    ],
    hostile: [{ method: 'otp', signerIin: APPLICANT_IIN, otpRequestId: 'o', code: '1 OR 1' }, ['code']],
    unknown: NOT_FOUND,
  },
  reason('POST /applications/:id/withdraw', 'portal', (id) => `/applications/${id}/withdraw`),
  {
    route: 'POST /applications/:id/review/start',
    role: 'reviewer',
    path: (id) => `/applications/${id}/review/start`,
    unknown: NOT_FOUND,
  },
  {
    route: 'POST /applications/:id/review',
    role: 'reviewer',
    path: (id) => `/applications/${id}/review`,
    valid: { verdict: 'eligible', findings: ALL_ACCEPTED, grounds: [] },
    wrongTypes: [
      { verdict: true, findings: [{ documentIndex: '0', accepted: 'yes' }], grounds: 'none' },
      ['verdict', 'findings[0].documentIndex', 'findings[0].accepted', 'grounds'],
    ],
    required: ['verdict', 'findings', 'grounds'],
    tooLong: [{ verdict: 'eligible', findings: [], grounds: [], comment: 'x'.repeat(2001) }, ['comment']],
    hostile: [{ verdict: `eligible${SQL}`, findings: [NOSQL], grounds: [] }, ['verdict', 'findings[0].documentIndex']],
    unknown: NOT_FOUND,
  },
  {
    route: 'POST /applications/:id/reassign',
    role: 'supervisor',
    path: (id) => `/applications/${id}/reassign`,
    valid: { toReviewerId: 'reviewer-2', reason: 'On leave' },
    wrongTypes: [{ toReviewerId: ['reviewer-2'], reason: null }, ['toReviewerId', 'reason']],
    required: ['toReviewerId', 'reason'],
    tooLong: [{ toReviewerId: 'r'.repeat(65), reason: 'On leave' }, ['toReviewerId']],
    hostile: [{ toReviewerId: { $gt: '' }, reason: 'On leave' }, ['toReviewerId']],
    unknown: NOT_FOUND,
  },
  {
    route: 'POST /applications/:id/refuse',
    role: 'supervisor',
    path: (id) => `/applications/${id}/refuse`,
    valid: { grounds: ['APPLICANT_NOT_ELIGIBLE'], explanation: 'No registration' },
    wrongTypes: [{ grounds: 'APPLICANT_NOT_ELIGIBLE', explanation: 1 }, ['grounds', 'explanation']],
    required: ['grounds', 'explanation'],
    tooLong: [{ grounds: ['G'.repeat(65)], explanation: 'x'.repeat(2001) }, ['grounds', 'explanation']],
    hostile: [{ grounds: [{ $where: '1' }], explanation: 'x' }, ['grounds']],
    unknown: NOT_FOUND,
  },
  reason('POST /applications/:id/escalate', 'supervisor', (id) => `/applications/${id}/escalate`),
  {
    route: 'POST /applications/:id/subsidies',
    role: 'admin',
    path: (id) => `/applications/${id}/subsidies`,
    valid: { kind: 'rent' },
    wrongTypes: [{ kind: 1 }, ['kind']],
    required: ['kind'],
    tooLong: [{ kind: 'rent'.repeat(1000) }, ['kind']],
    hostile: [{ kind: `rent${SQL}` }, ['kind']],
    unknown: NOT_FOUND,
  },
  {
    route: 'POST /applications/:id/deadline',
    role: 'admin',
    path: (id) => `/applications/${id}/deadline`,
    unknown: NOT_FOUND,
  },
  {
    route: 'POST /applications/:id/sla/at-risk',
    role: 'admin',
    path: (id) => `/applications/${id}/sla/at-risk`,
    unknown: NOT_FOUND,
  },
  {
    route: 'POST /applications/:id/sla/breach',
    role: 'admin',
    path: (id) => `/applications/${id}/sla/breach`,
    unknown: NOT_FOUND,
  },
  {
    route: 'POST /quotas/:region/:year/:category',
    role: 'admin',
    path: () => '/quotas/akmola/2026/resettler',
    valid: { capacity: 10, order: { number: '1', date: '2025-12-12' } },
    wrongTypes: [{ capacity: '10', order: { number: 1, date: 20251212 } }, ['capacity', 'order.number', 'order.date']],
    required: ['capacity', 'order'],
    tooLong: [{ capacity: 10, order: { number: 'n'.repeat(65), date: '2025-12-12' } }, ['order.number']],
    hostile: [{ capacity: 10, order: { number: '1', date: `2025-12-12${SQL}` } }, ['order.date']],
  },
  { route: 'POST /admin/sla/fire-due', role: 'admin', path: () => '/admin/sla/fire-due' },
  {
    route: 'POST /admin/dead-letters/:eventId/retry',
    role: 'operator',
    path: (id) => `/admin/dead-letters/${id}/retry`,
    unknown: [404, 'DEAD_LETTER.NOT_FOUND'],
  },
];

describe('every command endpoint refuses bad input with problem details and appends nothing', () => {
  let e: E2eApp;
  let id: string;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
    id = await submitAndSign(e, submissionBody());
  });
  afterAll(() => e.close());
  const post = (c: CommandEndpoint, body: unknown, path = c.path(id)) =>
    appendsNothing(e, () => e.as(c.role).post(path, body as Body));

  describe.each(ENDPOINTS.map((c) => [c.route, c] as const))('%s', (_, c) => {
    it('answers malformed JSON with 400 REQUEST.INVALID', async () => {
      expectProblem(
        await appendsNothing(e, () => sendRaw(e, c.role, c.path(id), '{"reason": "x",')),
        400,
        'REQUEST.INVALID',
      );
    });

    it('refuses a body nested thousands of levels deep with 400, not a 500', async () => {
      expectProblem(await appendsNothing(e, () => sendRaw(e, c.role, c.path(id), DEEP)), 400, 'REQUEST.INVALID');
    });

    it('refuses an unknown field by name instead of dropping it', async () => {
      expectFieldErrors(await post(c, { ...c.valid, isAdmin: true }), ['isAdmin']);
    });

    if (c.valid) {
      it.each([
        ['wrong types', c.wrongTypes!],
        ['over-long strings', c.tooLong!],
        ['hostile strings', c.hostile!],
      ])('names the fields at fault for %s', async (_, [body, fields]) => {
        expectFieldErrors(await post(c, body), fields);
      });

      it('names every missing required field', async () => {
        expectFieldErrors(await post(c, {}), c.required!);
      });
    }

    if (c.path('ID').includes('ID')) {
      it.each(['not-a-uuid', "1' OR '1'='1", '3f1c2a4e8b7d4c1e9a2f0d5e6b7c8a91x'])(
        'refuses the malformed id %j with 400',
        async (bad) => {
          expectProblem(await post(c, c.valid, c.path(encodeURIComponent(bad))), 400, 'REQUEST.INVALID');
        },
      );

      it(`answers a well-formed id naming nothing with ${c.unknown!.join(' ')}`, async () => {
        expectProblem(await post(c, c.valid, c.path(UNKNOWN_ID)), ...c.unknown!);
      });
    }
  });

  it.each(['applicant', 'consent', 'settlement'])(
    'refuses a submission without its %s object as bad input (400), never a 500',
    async (field) => {
      const { [field]: _, ...body } = submission;
      expectFieldErrors(await appendsNothing(e, () => e.as('portal').post('/applications', body)), [field]);
    },
  );

  it('refuses a submission over 256 kB with 413 REQUEST.TOO_LARGE', async () => {
    const body = withApplicant({ contacts: { phone: '+77011234567', address: 'x'.repeat(300 * 1024) } });
    expectProblem(await appendsNothing(e, () => e.as('portal').post('/applications', body)), 413, 'REQUEST.TOO_LARGE');
  });

  it.each([
    ['an unknown region', { region: 'mars' }, ['region']],
    ['an unknown category', { category: 'tourist' }, ['category']],
  ])('refuses a quota order for %s by naming the path parameter', async (_, change, fields) => {
    const { region, category } = { region: 'akmola', category: 'kandas', ...change };
    expectFieldErrors(
      await appendsNothing(e, () =>
        e
          .as('admin')
          .post(`/quotas/${region}/2026/${category}`, { capacity: 1, order: { number: '1', date: '2025-12-12' } }),
      ),
      fields,
    );
  });

  it('refuses a quota order whose year is not a number', async () => {
    expectProblem(
      await appendsNothing(e, () =>
        e.as('admin').post('/quotas/akmola/twenty/kandas', { capacity: 1, order: { number: '1', date: '2025-12-12' } }),
      ),
      400,
      'REQUEST.INVALID',
    );
  });

  it('refuses an OTP signature without its code or request id, naming both', async () => {
    expectFieldErrors(
      await appendsNothing(e, () =>
        e.as('portal').post(`/applications/${id}/sign`, { method: 'otp', signerIin: APPLICANT_IIN }),
      ),
      ['otpRequestId', 'code'],
    );
  });
});

describe('the rules of the service, over HTTP', () => {
  let e: E2eApp;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
  });
  afterAll(() => e.close());
  const portal = () => e.as('portal', 'egov');
  // Each application its own family (ADR 16); the OTP case signs as APPLICANT_IIN, the fixture's applicant.
  const submit = async (body = freshSubmissionBody()) =>
    (await portal().post('/applications', body).expect(201)).body.applicationId as string;
  const badIin = APPLICANT_IIN.slice(0, 11) + ((Number(APPLICANT_IIN[11]) + 1) % 10);

  it('refuses an IIN with a wrong check digit: 422 APPLICATION.INVALID_SUBMISSION naming applicant.iin', async () => {
    const response = await appendsNothing(e, () =>
      portal().post(
        '/applications',
        submissionBody((s) => ({ ...s, applicant: { ...s.applicant, iin: badIin } })),
      ),
    );
    expectFieldErrors(response, ['applicant.iin'], 422, 'APPLICATION.INVALID_SUBMISSION');
  });

  it('refuses a region that does not exist as bad input (400 naming region)', async () => {
    const response = await appendsNothing(e, () =>
      portal().post(
        '/applications',
        submissionBody((s) => ({ ...s, region: 'atlantis' as 'pavlodar' })),
      ),
    );
    expectFieldErrors(response, ['region']);
  });

  it('refuses a region the year’s order gives no quota: 422 APPLICATION.REGION_HAS_NO_QUOTA', async () => {
    const response = await appendsNothing(e, () =>
      portal().post(
        '/applications',
        submissionBody((s) => ({ ...s, region: 'akmola' })),
      ),
    );
    expectProblem(response, 422, 'APPLICATION.REGION_HAS_NO_QUOTA');
  });

  it('refuses to start or record a review before the applicant signed: 422 APPLICATION.NOT_SIGNED', async () => {
    const id = await submit();
    expectProblem(
      await appendsNothing(e, () => e.as('reviewer').post(`/applications/${id}/review/start`)),
      422,
      'APPLICATION.NOT_SIGNED',
    );
    const review = { verdict: 'eligible', findings: ALL_ACCEPTED, grounds: [] };
    expectProblem(
      await appendsNothing(e, () => e.as('reviewer').post(`/applications/${id}/review`, review)),
      422,
      'APPLICATION.NOT_SIGNED',
    );
  });

  it.each<[string, PersonName]>([
    ['Kazakh Cyrillic', { lastName: 'Әбдіғалиқызы', firstName: 'Гүлнұр', patronymic: 'Қанатқызы' }],
    ['Russian Cyrillic', { lastName: 'Щербакова-Ёлкина', firstName: 'Наталья', patronymic: 'Юрьевна' }],
    ['Latin, Kazakh letters', { lastName: 'Äbdığaliqyzy', firstName: 'Gülnūr', patronymic: 'Qanatqyzy' }],
    ['Latin, apostrophe and space', { lastName: "O'Neil Smith", firstName: 'Anne-Marie' }],
  ])('accepts a name in %s and keeps it intact', async (_, name) => {
    const id = await submit(freshSubmissionBody((s) => ({ ...s, applicant: { ...s.applicant, name } })));
    const { body } = await e
      .as('reviewer')
      .get(`/applications/${id}?atLeast=${await e.head()}`)
      .expect(200);
    expect(body.data.applicantName).toBe([name.lastName, name.firstName, name.patronymic].filter(Boolean).join(' '));
    const [submitted] = await eventsOfType(e, 'ApplicationSubmitted', `application-${id}`);
    expect((submitted!.data as { submission: { applicant: { name: unknown } } }).submission.applicant.name).toEqual(
      name,
    );
  });

  it('stores free text that looks like SQL or JSON verbatim, and the store still answers', async () => {
    const id = await submit();
    const text = `${SQL} {"$ne": null} \u202e<script>`;
    await portal().post(`/applications/${id}/withdraw`, { reason: text }).expect(200);
    const [withdrawn] = await eventsOfType(e, 'ApplicationWithdrawn', `application-${id}`);
    expect((withdrawn!.data as { reason: string }).reason).toBe(text);
    await e.http.get('/health').expect(200);
  });
});

describe('bytes and charsets at the door: checked before the JSON is parsed, nothing appended', () => {
  let e: E2eApp;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
  });
  afterAll(() => e.close());
  const validText = JSON.stringify(submissionBody());
  /** The valid submission with `bytes` put in place of the settlement's name "Ekibastuz". */
  const withSettlement = (bytes: number[]) => {
    const [before, after] = validText.split('"Ekibastuz"') as [string, string];
    return Buffer.concat([Buffer.from(`${before}"Ekib`), Buffer.from(bytes), Buffer.from(`astuz"${after}`)]);
  };
  const send = (body: Buffer, contentType = 'application/json') =>
    appendsNothing(e, () =>
      withRawBytes(
        e.http
          .post('/applications')
          .set('Authorization', `Bearer ${e.token('portal', 'egov')}`)
          .set('Content-Type', contentType),
        body,
      ),
    );
  const offsetOfJunk = Buffer.byteLength(validText.split('"Ekibastuz"')[0]!) + '"Ekib'.length;

  it.each([
    ['Latin-1 bytes inside a JSON string (the defect: stored as "Ekib����astuz")', [0xe9, 0xe9, 0xe9, 0xe9]],
    ['a lone continuation byte', [0x80]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an overlong three-byte encoding', [0xe0, 0x80, 0xaf]],
    ['a UTF-16 surrogate encoded in UTF-8', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a sequence cut short', [0xf0, 0x9f, 0x98]],
    ['a byte UTF-8 never uses', [0xff]],
  ])('refuses %s with 400 REQUEST.INVALID_UTF8 and the byte offset', async (_, bytes) => {
    const response = await send(withSettlement(bytes));
    expectProblem(response, 400, 'REQUEST.INVALID_UTF8');
    expect(response.body).toMatchObject({
      offset: offsetOfJunk,
      detail: expect.stringContaining(`at byte ${offsetOfJunk}`),
      errors: [{ field: 'body', reason: expect.stringContaining(`at byte ${offsetOfJunk}`) }],
    });
  });

  it('refuses a sequence cut short by the end of the body', async () => {
    const body = Buffer.concat([Buffer.from('{"reason":"x'), Buffer.from([0xd0])]);
    const response = await send(body);
    expectProblem(response, 400, 'REQUEST.INVALID_UTF8');
    expect(response.body.offset).toBe(body.length - 1);
  });

  it.each([
    'application/json; charset=utf-16',
    'application/json; charset=UTF-16LE',
    'application/json; charset=utf-32',
    'application/json; charset=latin1',
    'application/json; charset=iso-8859-1',
    'application/json; charset=windows-1251',
    'application/json; charset=koi8-r',
    'application/json; charset=utf8',
    'application/json; charset="utf-16"',
    'application/json;charset=utf-7',
    'application/json; charset=nonsense',
  ])('refuses a body declared as %s with 415, before decoding it', async (contentType) => {
    const encoding = /utf-16/i.test(contentType) ? 'utf16le' : 'latin1';
    expectProblem(await send(Buffer.from(validText, encoding), contentType), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('takes UTF-8 declared as such, in any letter case (JSON with no charset is UTF-8: every other test)', async () => {
    await withRawBytes(
      e.http
        .post('/applications')
        .set('Authorization', `Bearer ${e.token('portal', 'egov')}`)
        .set('Content-Type', 'application/json; charset="UTF-8"'),
      Buffer.from(validText),
    ).expect(201);
    const [submitted] = await eventsOfType(e, 'ApplicationSubmitted');
    expect(JSON.stringify(submitted!.data)).toContain('"Ekibastuz"');
  });
});
