import { ApplicantCategory, RegionCode } from '../shared/region';

/**
 * Which quota a stream holds: one per receiving region, year and category. The minister's yearly
 * order sets separate quotas for kandas and for resettlers, per region, counted in persons (FACTS,
 * "Quotas").
 */
export interface QuotaKey {
  readonly region: RegionCode;
  readonly year: number;
  readonly category: ApplicantCategory;
}

/** `regional-quota-pavlodar-2026-kandas`. Region codes use `_`, never `-`, so the id parses back. */
export function quotaStreamId(region: RegionCode, year: number, category: ApplicantCategory): string {
  return `regional-quota-${region}-${year}-${category}`;
}

export function quotaStreamIdOf(key: QuotaKey): string {
  return quotaStreamId(key.region, key.year, key.category);
}

export function sameQuota(a: QuotaKey, b: QuotaKey): boolean {
  return a.region === b.region && a.year === b.year && a.category === b.category;
}

export function keyOf(key: QuotaKey): QuotaKey {
  return { region: key.region, year: key.year, category: key.category };
}
