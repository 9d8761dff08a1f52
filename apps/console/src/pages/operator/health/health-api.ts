import { api, data } from '../../../api/client';
import type { paths } from '../../../api/openapi';
import { ApiProblem } from '../../../api/problem';

type Ready = paths['/health/ready']['get']['responses'];
/** Ready (200) or not (503): the same indicators, the overall status differs. */
export type Readiness = Ready[200]['content']['application/json'] | Ready[503]['content']['application/json'];
export type Subscriptions = paths['/admin/subscriptions']['get']['responses'][200]['content']['application/json'];

/**
 * The readiness probe's answer, ready or not: a 503 carries the same shape with the indicators down
 * (Terminus's own result, not a problem document), and that is what the operator needs to see.
 */
export async function readiness(): Promise<{ ready: boolean; result: Readiness }> {
  const { data: ready, error, response } = await api.GET('/health/ready');
  if (ready) return { ready: true, result: ready };
  if (response.status === 503 && error && 'details' in error) return { ready: false, result: error };
  throw ApiProblem.from(response, error);
}

export const subscriptions = () => data(api.GET('/admin/subscriptions'));
