import { api, data } from '../../../api/client';
import type { paths } from '../../../api/openapi';
import type { CursorPage } from '../../../components/cursor-pages';

export type DeadLetter =
  paths['/admin/dead-letters']['get']['responses'][200]['content']['application/json']['items'][number];
export type ParkedNotice =
  paths['/admin/notices']['get']['responses'][200]['content']['application/json']['items'][number];
export type RetryOutcome =
  paths['/admin/dead-letters/{eventId}/retry']['post']['responses'][200]['content']['application/json'];
export type ApplicationNotice =
  paths['/applications/{id}/notices']['get']['responses'][200]['content']['application/json']['items'][number];

export function deadLettersPage(
  status: 'parked' | 'waiting-for-data',
  cursor: string | undefined,
): Promise<CursorPage<DeadLetter>> {
  return data(
    api.GET('/admin/dead-letters', { params: { query: { status, limit: '20', ...(cursor ? { cursor } : {}) } } }),
  );
}

export function parkedNoticesPage(cursor: string | undefined): Promise<CursorPage<ParkedNotice>> {
  return data(api.GET('/admin/notices', { params: { query: { limit: '20', ...(cursor ? { cursor } : {}) } } }));
}

export const retryDeadLetter = (eventId: string) =>
  data(api.POST('/admin/dead-letters/{eventId}/retry', { params: { path: { eventId } } }));

export const retryNotice = (noticeId: string) =>
  data(api.POST('/admin/notices/{noticeId}/retry', { params: { path: { noticeId } } }));

export const noticesOf = (applicationId: string) =>
  data(api.GET('/applications/{id}/notices', { params: { path: { id: applicationId } } }));
