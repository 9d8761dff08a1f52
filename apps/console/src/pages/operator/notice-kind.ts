import type { paths } from '../../api/openapi';

/**
 * The kinds of notice, from the API's schema (the back office lists every kind the domain has): the
 * operator's labels are a map over it, so a new kind does not build without its label. Types only,
 * so the labels stay free of the browser's API.
 */
export type NoticeKind =
  paths['/admin/notices']['get']['responses'][200]['content']['application/json']['items'][number]['kind'];
