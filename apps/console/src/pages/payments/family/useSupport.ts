import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { data } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import { registerAfter, supportKey, supportOf } from '../payments-api';
import type { Support } from '../payments-api';

/** Families whose arrival this tab recorded: their support opens a moment later, when the process has run. */
const arrivals = new Set<string>();
export const arrivalRecorded = (id: string) => arrivals.add(id);

/**
 * A family's support, read from its stream (a consistent read): every second while an arrival just
 * recorded opens it, then every 15 s, as the scheduler issues each order on its day.
 */
export function useSupport(id: string) {
  return useQuery({
    queryKey: supportKey(id),
    queryFn: () => supportOf(id),
    refetchInterval: (query) => (query.state.data === null && arrivals.has(id) ? 1_000 : 15_000),
  });
}

/** The If-Match of a support command: the revision of the support the officer read. */
export const revisionOf = (support: Support) => `"${support.revision}"`;

type CommandCall = Promise<{ data?: { position: string | null }; error?: unknown; response: Response }>;

/**
 * A command on the family's support, sent with If-Match: an answer recorded meanwhile (an import, an
 * order issued) is a 409 and the support is read again, rather than a record made on what the
 * officer did not see. Afterwards the support and the register are read again.
 */
export function useSupportCommand(id: string, onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (send: () => CommandCall) => data(send()),
    onSuccess: async (answer) => {
      registerAfter(answer.position);
      onDone?.();
      await client.invalidateQueries({ queryKey: ['payments'] });
    },
    onError: async (problem) => {
      if (problem instanceof ApiProblem && problem.status === 409)
        await client.invalidateQueries({ queryKey: supportKey(id) });
    },
  });
}
