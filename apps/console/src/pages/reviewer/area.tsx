import type { RoleArea } from '../role-area';
import { lazyPage } from '../lazy-page';

/**
 * The reviewer's screens. The application page is also the supervisor's and the admin's (who records
 * the authority's decision on a complaint there, as the API allows them), and the search is the
 * admin's way to it; the hearings are also the supervisor's.
 */
export const reviewerArea: RoleArea = {
  role: 'reviewer',
  home: '/queue',
  nav: [
    { to: '/queue', labelKey: 'nav.queue' },
    { to: '/search', labelKey: 'nav.search' },
    { to: '/hearings', labelKey: 'nav.hearings' },
  ],
  routes: [
    { path: '/queue', element: lazyPage(() => import('./QueuePage'), 'QueuePage') },
    {
      path: '/search',
      element: lazyPage(() => import('./SearchPage'), 'SearchPage'),
      handle: { alsoFor: ['admin'] },
    },
    {
      path: '/applications/:id',
      element: lazyPage(() => import('./application/ApplicationPage'), 'ApplicationPage'),
      handle: { alsoFor: ['supervisor', 'admin'] },
    },
    {
      path: '/hearings',
      element: lazyPage(() => import('../hearing/HearingsPage'), 'HearingsPage'),
      handle: { alsoFor: ['supervisor'] },
    },
  ],
};
