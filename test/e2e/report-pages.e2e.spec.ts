import { E2eApp } from './support/e2e-app';
import { openQuota, reviewEligible, submitAndSign } from './support/journeys';
import { expectFieldErrors } from './support/problems';

/**
 * Issue 15: every list is paged the same way — `{ items, nextCursor }`, `limit` and the opaque
 * `cursor`, in a stable order — the reports (SLA dashboard, subsidy totals) and the dead letters
 * too. A report's totals (`overall`, `grandTotal`) are of all its pages, on every page.
 */
describe('the reports and the dead letters, by cursor pages like every list', () => {
  let e: E2eApp;
  beforeAll(async () => {
    e = await E2eApp.start({ env: { KANDAS_COMMAND_RATE_LIMITS: 'off' } });
    await openQuota(e);
    // Two included families: relocation and rent subsidies for each, so the totals have two rows.
    for (let i = 0; i < 2; i++) await reviewEligible(e, await submitAndSign(e));
    await submitAndSign(e);
    await e.settle();
  });
  afterAll(() => e.close());

  /** Every page of `path`, `limit` items at a time, following nextCursor until it is null. */
  const walk = async (role: 'supervisor' | 'admin', path: string, limit: number) => {
    const pages: Array<{ items: unknown[]; nextCursor: string | null; [whole: string]: unknown }> = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const query: string = `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { body } = await e.as(role).get(query).expect(200);
      const page = body.data ?? body;
      expect(page.items.length).toBeLessThanOrEqual(limit);
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 50);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    return pages;
  };

  it('pages the subsidy totals in (decisionYear, region, kind) order, the grand total on every page', async () => {
    // Given the whole report on one page
    const whole = (await e.as('supervisor').get('/subsidies/totals?decisionYear=2026').expect(200)).body.data;
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.map((t: { kind: string }) => t.kind)).toEqual(['relocation', 'rent']);
    expect(whole.grandTotal).toEqual({ count: 4, amount: 2 * (70 * 4325 * 3 + 20 * 4325 * 12) });

    // When it is read one row a page
    const pages = await walk('supervisor', '/subsidies/totals?decisionYear=2026', 1);

    // Then the pages hold the same rows in the same order, and each says the grand total
    expect(pages.flatMap((page) => page.items)).toEqual(whole.items);
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(page.grandTotal).toEqual(whole.grandTotal);
  });

  it('pages the SLA dashboard by region, the overall counts on every page', async () => {
    const whole = (await e.as('supervisor').get('/dashboard/sla?year=2026').expect(200)).body.data;
    expect(whole).toMatchObject({ year: 2026, nextCursor: null, overall: { decidedOnTime: 2, openOnTime: 1 } });
    expect(whole.items).toEqual([expect.objectContaining({ region: 'pavlodar', decidedOnTime: 2 })]);

    const pages = await walk('supervisor', '/dashboard/sla?year=2026', 1);
    expect(pages.flatMap((page) => page.items)).toEqual(whole.items);
    for (const page of pages) expect(page.overall).toEqual(whole.overall);
  });

  it('pages the dead letters: none parked is one empty last page', async () => {
    expect((await e.as('admin').get('/admin/dead-letters?limit=1').expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
    });
    expect((await e.as('admin').get('/admin/dead-letters?status=all').expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it.each([
    ['an unknown parameter of the totals', '/subsidies/totals?kind=rent', 'kind'],
    ['a cursor no list returned, on the totals', '/subsidies/totals?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['a cursor of the dashboard, on the totals', `/subsidies/totals?cursor=${cursorOf('pavlodar')}`, 'cursor'],
    ['a limit above the maximum, on the dashboard', '/dashboard/sla?limit=201', 'limit'],
    ['a cursor no list returned, on the dashboard', '/dashboard/sla?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['an unknown parameter of the dead letters', '/admin/dead-letters?consumer=review-saga', 'consumer'],
    ['an unknown status of the dead letters', '/admin/dead-letters?status=bogus', 'status'],
    ['a limit of zero, on the dead letters', '/admin/dead-letters?limit=0', 'limit'],
    ['a cursor no list returned, on the dead letters', '/admin/dead-letters?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['a read-your-writes position, on the dead letters (no projection)', '/admin/dead-letters?atLeast=1', 'atLeast'],
  ])('refuses %s with a 400 naming it', async (_, path, field) => {
    expectFieldErrors(await e.as('admin').get(path), [field]);
  });
});

/** A well-formed cursor of a one-part key (the dashboard's), as a list would return it. */
function cursorOf(...key: string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}
