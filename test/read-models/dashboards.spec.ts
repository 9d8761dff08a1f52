import { InvalidReadModelQueryError } from '@infra/read-models';
import { ReadModels } from './support/read-models';
import { History, runWorkflow } from './support/workflow-history';

const RELOCATION = 70 * 4325 * 3;
const RENT = 20 * 4325 * 12;

describe('SLA dashboard, quota usage and subsidy totals, fed the events of a real workflow run', () => {
  let history: History;
  let models: ReadModels;
  beforeAll(async () => {
    history = await runWorkflow();
    models = new ReadModels().feed(history.events);
  });

  it('SLA per region: open on time, at risk, breached, decided on time and late (withdrawn and unsigned not counted)', () => {
    const dashboard = models.sla.byRegion();
    expect(dashboard).toEqual({
      year: null,
      regions: [
        { region: 'akmola', openOnTime: 1, atRisk: 1, breached: 0, decidedOnTime: 0, decidedLate: 1 },
        { region: 'pavlodar', openOnTime: 0, atRisk: 2, breached: 2, decidedOnTime: 3, decidedLate: 0 },
      ],
      overall: { openOnTime: 1, atRisk: 3, breached: 2, decidedOnTime: 3, decidedLate: 1 },
    });
    expect(JSON.parse(JSON.stringify(dashboard))).toEqual(dashboard);
  });

  it('SLA by quota year', () => {
    expect(models.sla.byRegion(2026).overall).toEqual(models.sla.byRegion().overall);
    expect(models.sla.byRegion(2025)).toEqual({
      year: 2025,
      regions: [],
      overall: { openOnTime: 0, atRisk: 0, breached: 0, decidedOnTime: 0, decidedLate: 0 },
    });
  });

  it('SLA before the deadlines fired: everything signed is open on time', () => {
    const early = new ReadModels().feed(history.events.filter((e) => e.metadata.occurredAt < '2026-03-05'));
    expect(early.sla.byRegion().overall).toEqual({
      openOnTime: 10,
      atRisk: 0,
      breached: 0,
      decidedOnTime: 0,
      decidedLate: 0,
    });
  });

  it('quota usage after reservations and a declined request', () => {
    const order = { number: '', date: '2025-12-12' };
    const usage = models.quotas.list();
    expect(usage).toEqual([
      {
        region: 'akmola',
        year: 2026,
        category: 'kandas',
        capacity: 977,
        seatsTaken: 3,
        remaining: 974,
        reservations: 1,
        releases: 0,
        declined: 0,
        order,
        updatedAt: '2026-03-27T05:00:00.000Z',
      },
      {
        region: 'pavlodar',
        year: 2026,
        category: 'kandas',
        capacity: 5,
        seatsTaken: 3,
        remaining: 2,
        reservations: 1,
        releases: 0,
        declined: 1,
        order,
        updatedAt: '2026-03-05T05:00:00.000Z',
      },
      {
        region: 'pavlodar',
        year: 2026,
        category: 'resettler',
        capacity: 100,
        seatsTaken: 0,
        remaining: 100,
        reservations: 0,
        releases: 0,
        declined: 0,
        order,
        updatedAt: '2026-03-02T05:00:00.000Z',
      },
    ]);
    expect(JSON.parse(JSON.stringify(usage))).toEqual(usage);
  });

  it('quota usage filtered by year, region and category', () => {
    expect(models.quotas.list({ region: 'pavlodar' })).toHaveLength(2);
    expect(models.quotas.list({ category: 'resettler' }).map((q) => q.region)).toEqual(['pavlodar']);
    expect(models.quotas.list({ year: 2026, region: 'akmola', category: 'kandas' })).toHaveLength(1);
    expect(models.quotas.list({ year: 2025 })).toEqual([]);
  });

  it('subsidy totals per region, decision year and kind, with a grand total', () => {
    const totals = models.subsidies.totals();
    expect(totals).toEqual({
      totals: [
        { region: 'akmola', decisionYear: 2026, kind: 'relocation', count: 1, amount: RELOCATION },
        { region: 'akmola', decisionYear: 2026, kind: 'rent', count: 1, amount: RENT },
        { region: 'pavlodar', decisionYear: 2026, kind: 'relocation', count: 1, amount: RELOCATION },
        { region: 'pavlodar', decisionYear: 2026, kind: 'rent', count: 1, amount: RENT },
      ],
      grandTotal: { count: 4, amount: 2 * (RELOCATION + RENT) },
    });
    expect(JSON.parse(JSON.stringify(totals))).toEqual(totals);
  });

  it('subsidy totals filtered by decision year and region', () => {
    expect(models.subsidies.totals({ region: 'pavlodar' }).grandTotal).toEqual({ count: 2, amount: RELOCATION + RENT });
    expect(models.subsidies.totals({ decisionYear: 2026, region: 'akmola' }).totals).toHaveLength(2);
    expect(models.subsidies.totals({ decisionYear: 2025 })).toEqual({
      totals: [],
      grandTotal: { count: 0, amount: 0 },
    });
  });

  it('SLA dashboard by cursor pages: one region a page in region order, the overall counts on each', () => {
    const whole = models.sla.byRegion();
    const first = models.sla.page(undefined, { limit: 1 });
    expect(first).toEqual({
      year: null,
      items: [whole.regions[0]],
      nextCursor: expect.any(String),
      overall: whole.overall,
    });
    const second = models.sla.page(undefined, { limit: 1, cursor: first.nextCursor! });
    expect(second).toEqual({ year: null, items: [whole.regions[1]], nextCursor: null, overall: whole.overall });
  });

  it('subsidy totals by cursor pages in (year, region, kind) order, the grand total on each', () => {
    const whole = models.subsidies.totals();
    const seen: unknown[] = [];
    let cursor: string | undefined;
    for (let pages = 1; ; pages++) {
      const page = models.subsidies.page({}, { limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.grandTotal).toEqual(whole.grandTotal);
      seen.push(...page.items);
      if (page.nextCursor === null) {
        expect(pages).toBe(2);
        break;
      }
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(whole.totals);
  });

  it('a report refuses a cursor of another list and a limit out of range, as every list does', () => {
    expect(() => models.subsidies.page({}, { cursor: models.sla.page(undefined, { limit: 1 }).nextCursor! })).toThrow(
      InvalidReadModelQueryError,
    );
    expect(() => models.sla.page(undefined, { limit: 0 })).toThrow(InvalidReadModelQueryError);
  });
});
