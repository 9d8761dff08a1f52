import { useQuery } from '@tanstack/react-query';
import type { RegionCode } from '@domain/shared/region';
import { api, data } from '../../api/client';

/** Weeks of a year fit one page (the API allows 200 a page). */
const WEEKS_PER_PAGE = 200;

/**
 * The applications due each ISO week of a year, as they stand. Asked by the page itself, beside the
 * board, so the weeks arrive while the chart's script is still loading rather than after it.
 */
export function useSlaWeeks(year: number, region: RegionCode | null, refreshMs: number) {
  return useQuery({
    queryKey: ['sla-board', 'weeks', year, region],
    queryFn: () =>
      data(
        api.GET('/dashboard/sla/weeks', {
          params: { query: { year: String(year), limit: String(WEEKS_PER_PAGE), ...(region ? { region } : {}) } },
        }),
      ),
    refetchInterval: refreshMs,
  });
}

export type SlaWeeks = ReturnType<typeof useSlaWeeks>;
