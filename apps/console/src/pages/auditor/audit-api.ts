import { api, data } from '../../api/client';
import type { paths } from '../../api/openapi';
import { ApiProblem } from '../../api/problem';
import type { CursorPage } from '../../components/cursor-pages';

type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type ListedApplication = Ok<'/applications'>['data']['items'][number];
export type History = Ok<'/audit/applications/{id}/history'>;
export type HistoryEvent = History['events'][number];
export type StateAsOf = Ok<'/audit/applications/{id}/as-of'>;
export type Diff = Ok<'/audit/applications/{id}/diff'>;
export type Verification = Ok<'/audit/verify'>;
export type Checkpoint = Ok<'/audit/checkpoints/latest'>;
export type ApplicationsQuery = NonNullable<paths['/applications']['get']['parameters']['query']>;

/** Every call below but the search is a recorded read (ADR 26): reading appends to the access chain. */
export async function applicationsPage(
  filter: ApplicationsQuery,
  cursor: string | undefined,
): Promise<CursorPage<ListedApplication>> {
  const answer = await data(
    api.GET('/applications', { params: { query: { ...filter, limit: '20', ...(cursor ? { cursor } : {}) } } }),
  );
  return answer.data;
}

/** Told in the language the client sends (Accept-Language): the caller keys the query by it. */
export const historyOf = (id: string) =>
  data(api.GET('/audit/applications/{id}/history', { params: { path: { id } } }));

export const stateAt = (id: string, revision: number) =>
  data(api.GET('/audit/applications/{id}/as-of', { params: { path: { id }, query: { revision: String(revision) } } }));

export const diffOf = (id: string, from: number, to: number) =>
  data(
    api.GET('/audit/applications/{id}/diff', {
      params: { path: { id }, query: { from: String(from), to: String(to) } },
    }),
  );

export const verifyStore = () => data(api.GET('/audit/verify'));

/** The latest signed checkpoint, or null when none was signed yet (the API's 404). */
export async function latestCheckpoint(): Promise<Checkpoint | null> {
  const { data: checkpoint, error, response } = await api.GET('/audit/checkpoints/latest');
  if (checkpoint) return checkpoint;
  if (response.status === 404) return null;
  throw ApiProblem.from(response, error);
}

export const signCheckpoint = () => data(api.POST('/audit/checkpoints'));
