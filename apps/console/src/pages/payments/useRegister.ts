import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { registerKey, registerOf } from './payments-api';
import type { MonthAndRegion } from './payments-api';

/**
 * Read again every ten seconds, as the SLA board is: the bank's answers, imported or recorded by
 * hand, reach the register (a read model) a moment after they are recorded.
 */
export const REGISTER_REFRESH_MS = 10_000;

/** A month's register; the previous month's stays on screen while the next one comes. */
export function useRegister(filter: MonthAndRegion) {
  return useQuery({
    queryKey: registerKey(filter),
    queryFn: () => registerOf(filter),
    refetchInterval: REGISTER_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}
