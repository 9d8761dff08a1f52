import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { ApplicationDetails } from '../api/shapes';
import { isRefusalProposed } from '../api/hearing-complaint-api';

export interface LoadedApplication {
  readonly details: ApplicationDetails;
  /** The ETag the page read (`"<revision>"`): every command sends it back as If-Match. */
  readonly etag: string;
}

/** The last position a command of this page returned, per application: the next read waits for it (read your writes). */
const lastPositions = new Map<string, string>();

/**
 * How often to read the application again: every second or two while the process works on it (the
 * saga decides after a review, then grants the subsidies), every 15 s while the clock runs, never
 * once it is settled.
 */
function refreshInterval(details: ApplicationDetails | undefined): number | false {
  if (!details) return false;
  if (details.status === 'reviewed') return 1_000;
  const subsidies = details.decision?.subsidies;
  if (details.decision?.outcome === 'included' && (subsidies?.relocation === null || subsidies?.rent === null))
    return 2_000;
  // A proposed refusal's clock runs too, and the applicant's objections come in meanwhile.
  if (details.status === 'signed' || details.status === 'under-review' || isRefusalProposed(details)) return 15_000;
  return false;
}

export const applicationKey = (id: string) => ['application', id] as const;

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKey(id),
    queryFn: async (): Promise<LoadedApplication> => {
      const atLeast = lastPositions.get(id);
      const {
        data: body,
        error,
        response,
      } = await api.GET('/applications/{id}', {
        params: { path: { id }, query: atLeast ? { atLeast } : {} },
      });
      if (error !== undefined || !body) throw ApiProblem.from(response, error);
      return { details: body.data, etag: response.headers.get('ETag') ?? `"${body.data.revision}"` };
    },
    refetchInterval: (query) => refreshInterval(query.state.data?.details),
  });
}

type CommandCall = Promise<{ data?: { position: string | null }; error?: unknown; response: Response }>;

/**
 * A command on the application read with `etag`: sent with If-Match, so a change made meanwhile is a
 * 409 rather than a decision on what the officer did not see. Afterwards the application, the queues
 * and the lists are read again (waiting for the command's position), so the outcome shows without a reload.
 */
export function useApplicationCommand(id: string, onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (send: () => CommandCall) => data(send()),
    onSuccess: async (answer) => {
      if (answer.position) lastPositions.set(id, answer.position);
      onDone?.();
      await Promise.all(
        [applicationKey(id), ['queue'], ['search'], ['escalated'], ['sla-board'], ['hearings'], ['complaints']].map(
          (queryKey) => client.invalidateQueries({ queryKey }),
        ),
      );
    },
    onError: async (problem) => {
      // Someone else changed it: show what it is now, so the officer decides on that.
      if (problem instanceof ApiProblem && problem.status === 409)
        await client.invalidateQueries({ queryKey: applicationKey(id) });
    },
  });
}
