import { useSearchParams } from 'react-router';
import { REGION_CODES } from '@domain/shared/region';
import { isMonth, thisMonth } from './month';
import type { MonthAndRegion, RegionCode } from './payments-api';

const isRegion = (code: string | null): code is RegionCode => (REGION_CODES as readonly string[]).includes(code ?? '');

/**
 * The month and region the payments screens show, kept in the address (`?month=2026-03&region=…`):
 * a link or a reload shows the same register; without one, the current month and every region.
 */
export function useMonthAndRegion(): [MonthAndRegion, (next: MonthAndRegion) => void] {
  const [params, setParams] = useSearchParams();
  const month = params.get('month');
  const region = params.get('region');
  const filter: MonthAndRegion = {
    month: isMonth(month) ? month : thisMonth(),
    region: isRegion(region) ? region : null,
  };
  const change = (next: MonthAndRegion) =>
    setParams({ month: next.month, ...(next.region ? { region: next.region } : {}) }, { replace: true });
  return [filter, change];
}
