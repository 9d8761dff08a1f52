import { personsOf } from '@domain/person';
import { QUOTA_ORDERS } from '@domain/quota';
import { defaultWorkflowConfig } from '@libs/workflow';
import { planSeed, type PlanOptions } from '../../apps/cli/src/seed/plan';
import { SEED_DEFAULTS } from '../../apps/cli/src/seed/seed-command';

const options = (change: Partial<PlanOptions> = {}): PlanOptions => ({
  applications: 800,
  seed: 'persons-1',
  from: SEED_DEFAULTS.from,
  to: SEED_DEFAULTS.to,
  order: QUOTA_ORDERS.find((o) => o.year === 2026)!,
  calendar: defaultWorkflowConfig().calendar,
  idSalt: 'persons-1',
  ...change,
});

const iinsOf = (plan: ReturnType<typeof planSeed>): string[] =>
  plan.applications.flatMap((application) => personsOf(application.submission).map((person) => person.iin));

describe('the seed names every person once (ADR 16)', () => {
  it('gives no IIN to two persons of a plan, as applicant or family member', () => {
    const iins = iinsOf(planSeed(options()));
    expect(iins.length).toBeGreaterThan(800);
    expect(new Set(iins).size).toBe(iins.length);
  });

  it('on a forced seed, gives none of the IINs the store already names', () => {
    const taken = new Set(iinsOf(planSeed(options())));
    const again = iinsOf(planSeed(options({ idSalt: 'persons-1@99', takenIins: taken })));
    expect(again.filter((iin) => taken.has(iin))).toEqual([]);
  });
});
