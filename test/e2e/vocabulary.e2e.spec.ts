import { E2eApp } from './support/e2e-app';
import { freshSubmissionBody, openQuota } from './support/journeys';
import { appendsNothing, eventsOfType, expectFieldErrors } from './support/problems';

/** The names ADR 20 retired (docs/vocabulary.md): none may be documented but as deprecated. */
const RETIRED = ['receivingRegion', 'quotaYear', 'personsMoving', 'personsCounted'];

interface Found {
  readonly at: string;
  readonly deprecated: boolean;
}

/** Every property and parameter of the document named by a retired name, wherever it is nested. */
function retiredNamesIn(node: unknown, at = '#', found: Found[] = []): Found[] {
  if (node === null || typeof node !== 'object') return found;
  const record = node as Record<string, unknown>;
  if (typeof record.name === 'string' && typeof record.in === 'string' && RETIRED.includes(record.name))
    found.push({ at: `${at} (parameter ${record.name})`, deprecated: record.deprecated === true });
  const properties = record.properties as Record<string, { deprecated?: boolean }> | undefined;
  if (properties && typeof properties === 'object')
    for (const [name, schema] of Object.entries(properties))
      if (RETIRED.includes(name))
        found.push({ at: `${at}.properties.${name}`, deprecated: schema?.deprecated === true });
  for (const [key, child] of Object.entries(record)) retiredNamesIn(child, `${at}/${key}`, found);
  return found;
}

describe('one vocabulary for regions, years and persons (ADR 20)', () => {
  let e: E2eApp;
  beforeAll(async () => {
    e = await E2eApp.start();
    await openQuota(e);
  });
  afterAll(() => e.close());

  it('documents no retired name but as a deprecated request property or parameter', async () => {
    const { body } = await e.http.get('/docs/openapi.json').expect(200);
    const found = retiredNamesIn(body);
    expect(found.filter((f) => !f.deprecated)).toEqual([]);
    // The two the submission still accepts: the scan does see them, so it is not vacuous.
    expect(found.map((f) => f.at.replace(/^.*properties\./, ''))).toEqual(['receivingRegion', 'quotaYear']);
    const totals = body.paths['/subsidies/totals'].get;
    const parameter = (name: string) => totals.parameters.find((p: { name: string }) => p.name === name);
    expect(parameter('decisionYear')).toBeDefined();
    expect(parameter('year')).toMatchObject({ deprecated: true });
  });

  it('takes a submission in the deprecated names, and records it in today’s', async () => {
    const { region, year, ...rest } = freshSubmissionBody();
    const sent = { ...rest, receivingRegion: region, quotaYear: year };
    const { body } = await e.as('portal', 'egov').post('/applications', sent).expect(201);
    const [submitted] = await eventsOfType(e, 'ApplicationSubmitted', `application-${body.applicationId}`);
    expect(submitted!.data).toMatchObject({ submission: { region, year }, submissionVersion: 2 });
    expect((submitted!.data as { submission: object }).submission).not.toHaveProperty('receivingRegion');
    expect((submitted!.data as { submission: object }).submission).not.toHaveProperty('quotaYear');
  });

  it('refuses a deprecated name beside its current one, naming it: 400', async () => {
    const body = freshSubmissionBody();
    const response = await appendsNothing(e, () =>
      e.as('portal', 'egov').post('/applications', { ...body, receivingRegion: body.region, quotaYear: body.year }),
    );
    expectFieldErrors(response, ['receivingRegion', 'quotaYear']);
  });

  it('still refuses an unknown property, a retired name of another place included: 400', async () => {
    const response = await appendsNothing(e, () =>
      e.as('portal', 'egov').post('/applications', { ...freshSubmissionBody(), personsMoving: 3 }),
    );
    expectFieldErrors(response, ['personsMoving']);
  });

  it('answers the subsidy totals by decisionYear, and by the deprecated year alike; both at once is a 400', async () => {
    const auditor = e.as('auditor');
    const current = await auditor.get('/subsidies/totals?decisionYear=2026').expect(200);
    const deprecated = await auditor.get('/subsidies/totals?year=2026').expect(200);
    expect(deprecated.body.data).toEqual(current.body.data);
    expectFieldErrors(await auditor.get('/subsidies/totals?year=2026&decisionYear=2026'), ['year']);
  });
});
