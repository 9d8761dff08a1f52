import jwt from 'jsonwebtoken';
import { jwtSettings, mintToken, Role, ROLES } from '@libs/auth';
import { E2eApp } from './support/e2e-app';
import { ALL_ACCEPTED, APPLICANT_IIN, openQuota, submissionBody, submitAndSign } from './support/journeys';
import { appendsNothing, expectProblem, UNKNOWN_ID } from './support/problems';

type Method = 'GET' | 'POST' | 'PUT';
interface Entry {
  readonly method: Method;
  /** As the router declares it (`:id`), so it can be compared with the registered routes. */
  readonly route: string;
  readonly roles: readonly Role[];
  /** A request the allowed roles could make: real ids, a valid body. */
  readonly body?: object;
}

const READERS: Role[] = ['operator', 'reviewer', 'supervisor', 'auditor', 'admin'];
const reason = { reason: 'The family stays' };
const ARRIVAL = {
  settlement: { kind: 'town', name: 'Ekibastuz' },
  arrivedOn: '2026-03-02',
  registration: { address: 'Ekibastuz, Satpayev St 12', registeredOn: '2026-03-02' },
  iban: 'KZ86125KZT5004100100',
};

/** Who may call what, written from the controllers' @Roles: a change of access must change this table. */
const MATRIX: Entry[] = [
  { method: 'POST', route: '/applications', roles: ['portal', 'operator'], body: submissionBody() },
  { method: 'POST', route: '/applications/:id/otp', roles: ['portal'], body: { signerIin: APPLICANT_IIN } },
  {
    method: 'POST',
    route: '/applications/:id/sign',
    roles: ['portal'],
    body: { method: 'otp', signerIin: APPLICANT_IIN, otpRequestId: 'otp-1', code: '123456' },
  },
  { method: 'POST', route: '/applications/:id/withdraw', roles: ['portal'], body: reason },
  { method: 'POST', route: '/applications/:id/review/start', roles: ['reviewer'] },
  {
    method: 'POST',
    route: '/applications/:id/review',
    roles: ['reviewer'],
    body: { verdict: 'eligible', findings: ALL_ACCEPTED, grounds: [] },
  },
  {
    method: 'POST',
    route: '/applications/:id/reassign',
    roles: ['supervisor'],
    body: { toReviewerId: 'reviewer-2', reason: 'On leave' },
  },
  {
    method: 'POST',
    route: '/applications/:id/refuse',
    roles: ['supervisor'],
    body: { grounds: ['APPLICANT_NOT_ELIGIBLE'], explanation: 'No registration' },
  },
  { method: 'POST', route: '/applications/:id/escalate', roles: ['supervisor', 'admin'], body: reason },
  {
    method: 'POST',
    route: '/applications/:id/hearing',
    roles: ['reviewer', 'supervisor'],
    body: { heldAt: '2026-03-02T05:00:00.000Z', attendance: 'attended', statement: 'Heard' },
  },
  { method: 'POST', route: '/applications/:id/refusal/confirm', roles: ['supervisor'] },
  { method: 'POST', route: '/applications/:id/refusal/reopen', roles: ['supervisor'], body: reason },
  {
    method: 'POST',
    route: '/applications/:id/complaints/:complaintId/satisfy',
    roles: ['supervisor'],
    body: { remedy: 'include', reason: 'Registered in time' },
  },
  {
    method: 'POST',
    route: '/applications/:id/complaints/:complaintId/reject',
    roles: ['supervisor'],
    body: { reasons: 'The grounds stand' },
  },
  {
    method: 'POST',
    route: '/applications/:id/authority-decisions',
    roles: ['supervisor', 'admin'],
    body: { authority: 'Committee', documentNumber: '07-12/118', date: '2026-04-20', outcome: 'rejected' },
  },
  {
    method: 'POST',
    route: '/portal/applications/:id/objections',
    roles: ['portal'],
    body: { objectionId: '6f1d2a4e-2c1b-4f43-9a8e-3b1f0f6c2d11', text: 'I was registered' },
  },
  {
    method: 'POST',
    route: '/portal/applications/:id/complaints',
    roles: ['portal'],
    body: { complaintId: '7a2e3b5f-3d2c-4a54-8b9f-4c2a1a7d3e22', against: 'missed-term', text: 'Too late' },
  },
  {
    method: 'POST',
    route: '/quotas/:region/:year/:category',
    roles: ['admin'],
    body: { capacity: 977, order: { number: '12-01/412', date: '2025-12-12' } },
  },
  { method: 'POST', route: '/applications/:id/subsidies', roles: ['admin'], body: { kind: 'rent' } },
  { method: 'POST', route: '/applications/:id/deadline', roles: ['admin'] },
  { method: 'POST', route: '/applications/:id/sla/at-risk', roles: ['admin'] },
  { method: 'POST', route: '/applications/:id/sla/breach', roles: ['admin'] },
  { method: 'POST', route: '/admin/sla/fire-due', roles: ['admin', 'operator'] },
  { method: 'GET', route: '/admin/dead-letters', roles: ['operator', 'admin'] },
  { method: 'POST', route: '/admin/dead-letters/:eventId/retry', roles: ['operator', 'admin'] },
  { method: 'GET', route: '/admin/subscriptions', roles: ['operator', 'admin'] },
  { method: 'GET', route: '/applications', roles: READERS },
  { method: 'GET', route: '/applications/:id', roles: READERS },
  { method: 'GET', route: '/queues/mine', roles: ['reviewer'] },
  { method: 'GET', route: '/queues/unassigned', roles: ['reviewer', 'supervisor'] },
  { method: 'GET', route: '/queues/supervisors', roles: ['supervisor'] },
  { method: 'GET', route: '/queues/reviewers/:reviewerId', roles: ['supervisor'] },
  { method: 'GET', route: '/queues/hearings', roles: ['reviewer', 'supervisor'] },
  { method: 'GET', route: '/queues/complaints', roles: ['supervisor'] },
  { method: 'GET', route: '/dashboard/sla', roles: ['supervisor', 'auditor', 'admin', 'operator'] },
  { method: 'GET', route: '/dashboard/sla/weeks', roles: ['supervisor', 'auditor', 'admin', 'operator'] },
  { method: 'GET', route: '/quotas', roles: READERS },
  { method: 'GET', route: '/subsidies/totals', roles: ['supervisor', 'auditor', 'admin'] },
  { method: 'GET', route: '/reference/refusal-grounds', roles: [...ROLES] },
  ...['calendar/:year', 'mci', 'rent-rates', 'sla-policy'].map((table): Entry => ({
    method: 'GET',
    route: `/reference/${table}`,
    roles: ['reviewer', 'supervisor', 'auditor', 'admin'],
  })),
  { method: 'GET', route: '/reference/amendments', roles: ['reviewer', 'supervisor', 'auditor', 'admin'] },
  {
    method: 'GET',
    route: '/reference/amendments/:eventId/moved-applications',
    roles: ['reviewer', 'supervisor', 'auditor', 'admin'],
  },
  ...[
    'calendar/:year/days-off',
    'calendar/:year/withdrawn-days-off',
    'calendar/:year/worked-days',
    'calendar/:year/confirmation',
    'mci',
  ].map((command): Entry => ({ method: 'POST', route: `/admin/law/${command}`, roles: ['admin'] })),
  ...['rent-rates', 'refusal-grounds', 'sla-policy'].map((table): Entry => ({
    method: 'PUT',
    route: `/admin/law/${table}`,
    roles: ['admin'],
  })),
  { method: 'GET', route: '/audit/applications/:id/history', roles: ['reviewer', 'supervisor', 'auditor', 'admin'] },
  { method: 'GET', route: '/audit/applications/:id/decision', roles: ['reviewer', 'supervisor', 'auditor', 'admin'] },
  { method: 'GET', route: '/audit/correlations/:correlationId', roles: ['auditor', 'admin'] },
  { method: 'GET', route: '/audit/applications/:id/as-of', roles: ['auditor', 'admin'] },
  { method: 'GET', route: '/audit/quotas/:region/:year/:category/as-of', roles: ['auditor', 'admin'] },
  { method: 'GET', route: '/audit/applications/:id/diff', roles: ['auditor', 'admin'] },
  { method: 'GET', route: '/audit/timeliness-changes', roles: ['auditor', 'admin'] },
  { method: 'GET', route: '/audit/verify', roles: ['auditor', 'admin'] },
  { method: 'POST', route: '/audit/checkpoints', roles: ['auditor', 'admin'] },
  { method: 'GET', route: '/audit/checkpoints/latest', roles: ['auditor', 'admin'] },
  { method: 'GET', route: '/audit/public-key', roles: ['auditor', 'admin'] },
  { method: 'GET', route: '/audit/export', roles: ['auditor', 'admin'] },
  { method: 'POST', route: '/audit/disclosure-grants', roles: ['admin'] },
  { method: 'GET', route: '/applications/:id/decision-document', roles: ['operator', 'reviewer', 'supervisor'] },
  { method: 'GET', route: '/applications/:id/decision-document.sig', roles: READERS },
  { method: 'GET', route: '/portal/applications/:id', roles: ['portal'] },
  { method: 'GET', route: '/portal/applications/:id/decision-document', roles: ['portal'] },
  { method: 'GET', route: '/portal/applications/:id/decision-document.sig', roles: ['portal'] },
  { method: 'GET', route: '/regions/open', roles: [...ROLES] },
  { method: 'GET', route: '/portal/applications/:id/notices', roles: ['portal'] },
  { method: 'GET', route: '/applications/:id/notices', roles: READERS },
  { method: 'GET', route: '/admin/notices', roles: ['operator', 'admin'] },
  { method: 'POST', route: '/admin/notices/:noticeId/retry', roles: ['operator', 'admin'] },
  { method: 'GET', route: '/auth/me', roles: [...ROLES] },
  // Issue 21 (ADR 33): the arrival, and the support the payments officers work.
  { method: 'POST', route: '/portal/applications/:id/arrival', roles: ['portal'], body: ARRIVAL },
  { method: 'POST', route: '/applications/:id/arrival', roles: ['payments'], body: ARRIVAL },
  { method: 'GET', route: '/applications/:id/support', roles: ['payments', 'supervisor', 'auditor', 'admin'] },
  { method: 'GET', route: '/payments/register', roles: ['payments', 'supervisor', 'auditor', 'admin'] },
  { method: 'GET', route: '/payments/bank-file', roles: ['payments'] },
  {
    method: 'POST',
    route: '/payments/bank-answers',
    roles: ['payments'],
    body: { file: 'order_id;application_id;status;date;bank_reference;reason\r\n' },
  },
  {
    method: 'POST',
    route: '/applications/:id/support/orders/:orderId/paid',
    roles: ['payments'],
    body: { paidOn: '2026-11-24', bankReference: 'HB-1' },
  },
  {
    method: 'POST',
    route: '/applications/:id/support/orders/:orderId/returned',
    roles: ['payments'],
    body: { returnedOn: '2026-11-24', reason: 'The account is closed' },
  },
  { method: 'POST', route: '/applications/:id/support/orders/:orderId/reissue', roles: ['payments'] },
  {
    method: 'POST',
    route: '/applications/:id/support/recipient',
    roles: ['payments'],
    body: { iban: 'KZ75125KZT2069100100' },
  },
  {
    method: 'POST',
    route: '/applications/:id/support/stop',
    roles: ['payments'],
    body: { reason: 'departed', effectiveOn: '2027-06-01' },
  },
];
/** No token needed; Swagger UI's own files under /docs are served by Swagger, not by the API. */
const PUBLIC = [
  'GET /health',
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
  'GET /docs',
  'GET /docs/openapi.json',
  'GET /auth/config',
];
/** Commands that need no token, with a body they take: the development sign-in (outside production only, ADR 31). */
const PUBLIC_COMMANDS: ReadonlyArray<readonly [string, object]> = [
  ['POST /auth/dev-sign-in', { role: 'reviewer', userId: 'reviewer-1' }],
];
const PUBLIC_ROUTES = [...PUBLIC, ...PUBLIC_COMMANDS.map(([route]) => route)];

const SECRET = 's'.repeat(48);
const settings = jwtSettings({ KANDAS_JWT_SECRET: SECRET });

describe('the role matrix: every endpoint × every role', () => {
  let e: E2eApp;
  let id: string;
  beforeAll(async () => {
    e = await E2eApp.start({ env: { KANDAS_JWT_SECRET: SECRET } });
    await openQuota(e);
    id = await submitAndSign(e);
  });
  afterAll(() => e.close());

  const call = (entry: Entry, role: Role) => {
    const path = entry.route
      .replace(':id', id)
      .replace(':eventId', UNKNOWN_ID)
      .replace(':noticeId', UNKNOWN_ID)
      .replace(':complaintId', UNKNOWN_ID)
      .replace(':orderId', 'PO-0000000000000000-RL-1')
      .replace(':region/:year/:category', 'pavlodar/2026/kandas')
      .replace(':reviewerId', 'reviewer-1')
      .replace(':year', '2026');
    const as = e.as(role, `${role}-matrix`);
    if (entry.method === 'PUT')
      return e.http
        .put(path)
        .set('Authorization', `Bearer ${e.token(role, `${role}-matrix`)}`)
        .send(entry.body ?? {});
    return entry.method === 'GET' ? as.get(path) : as.post(path, entry.body);
  };
  const cells = (allowed: boolean) =>
    MATRIX.flatMap((entry) =>
      ROLES.filter((role) => entry.roles.includes(role) === allowed).map(
        (role) => [`${entry.method} ${entry.route}`, role, entry] as const,
      ),
    );

  // The refusals run first, on an application every allowed command could still act on.
  it.each(cells(false))('%s refuses %s: 403 AUTH.FORBIDDEN, nothing appended', async (_, role, entry) => {
    expectProblem(await appendsNothing(e, () => call(entry, role)), 403, 'AUTH.FORBIDDEN');
  });

  it.each(cells(true))(
    '%s lets %s through (the body may still be refused, never the caller)',
    async (_, role, entry) => {
      const response = await call(entry, role);
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    },
  );

  it('covers every route of the OpenAPI document', async () => {
    const { body } = await e.http.get('/docs/openapi.json').expect(200);
    const documented = Object.entries(body.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.length).toBeGreaterThan(20);
    expect([...MATRIX.map((entry) => `${entry.method} ${entry.route}`), ...PUBLIC_ROUTES]).toEqual(
      expect.arrayContaining(documented),
    );
  });

  it('covers every route the HTTP server registers, documented or not, and names none it does not', () => {
    const router = (
      e.app.getHttpAdapter().getInstance() as {
        router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
      }
    ).router;
    const registered = router.stack
      .flatMap((layer) =>
        layer.route
          ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`)
          : [],
      )
      .filter((route) => !/^GET \/docs(\/|-|$)/.test(route));
    const known = [
      ...MATRIX.map((entry) => `${entry.method} ${entry.route}`),
      ...PUBLIC_ROUTES.filter((route) => !route.includes('/docs')),
    ];
    expect([...new Set(registered)].sort()).toEqual([...new Set(known)].sort());
  });
});

describe('authentication', () => {
  let e: E2eApp;
  beforeAll(async () => (e = await E2eApp.start({ env: { KANDAS_JWT_SECRET: SECRET } })));
  afterAll(() => e.close());

  const withHeader = (authorization?: string) => {
    const request = e.http.get('/applications');
    return authorization === undefined ? request : request.set('Authorization', authorization);
  };
  const expect401 = async (authorization?: string) => {
    const response = await appendsNothing(e, () => withHeader(authorization));
    expectProblem(response, 401, 'AUTH.UNAUTHENTICATED');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="kandas"');
  };
  const signed = (claims: object, options: jwt.SignOptions = {}) =>
    jwt.sign({ sub: 'someone', role: 'auditor', ...claims }, SECRET, {
      algorithm: 'HS256',
      issuer: settings.issuer,
      audience: settings.audience,
      expiresIn: 600,
      ...options,
    });

  it('answers a request without a token with 401 and WWW-Authenticate', () => expect401());

  it('refuses a command without a token, and appends nothing', async () => {
    const response = await appendsNothing(e, () => e.http.post('/applications').send(submissionBody()));
    expectProblem(response, 401, 'AUTH.UNAUTHENTICATED');
  });

  it.each([
    ['an empty header', ''],
    ['the scheme alone', 'Bearer'],
    ['another scheme', 'Basic cG9ydGFsOnBvcnRhbA=='],
    ['two tokens', 'Bearer a.b.c d.e.f'],
    ['a token that is no JWT', 'Bearer not-a-jwt'],
  ])('refuses %s with 401', (_, header) => expect401(header));

  it('refuses a token with its signature tampered with', () => {
    const token = e.token('auditor');
    return expect401(`Bearer ${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`);
  });

  it('refuses a token signed with another key', () =>
    expect401(
      `Bearer ${mintToken(jwtSettings({ KANDAS_JWT_SECRET: 'k'.repeat(48) }), { id: 'a', role: 'admin' }, e.clock.now())}`,
    ));

  it('refuses an unsigned token (alg none)', () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(e.clock.now().getTime() / 1000);
    return expect401(
      `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'x', role: 'admin', iss: settings.issuer, aud: settings.audience, iat: now, exp: now + 600 })}.`,
    );
  });

  it.each([
    ['an unknown role', { role: 'superuser' }, {}],
    ['no subject', { sub: '' }, {}],
    ['another issuer', {}, { issuer: 'someone-else' }],
    ['another audience', {}, { audience: 'other-service' }],
  ])('refuses a token with %s', (_, claims, options) =>
    expect401(`Bearer ${signed({ iat: Math.floor(e.clock.now().getTime() / 1000), ...claims }, options)}`),
  );

  it('accepts a token until it expires by the service clock, then refuses it', async () => {
    const token = e.token('auditor', 'auditor-1', 60);
    await withHeader(`Bearer ${token}`).expect(200);
    e.clock.set(new Date(e.clock.now().getTime() + 61_000).toISOString());
    await expect401(`Bearer ${token}`);
  });

  it.each(PUBLIC)('serves %s without a token', async (route) => {
    await e.http.get(route.slice('GET '.length)).expect(200);
  });

  it.each(PUBLIC_COMMANDS)('serves %s without a token', async (route, body) => {
    await e.http.post(route.slice('POST '.length)).send(body).expect(200);
  });
});
