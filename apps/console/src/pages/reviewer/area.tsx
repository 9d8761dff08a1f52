import type { RoleArea } from '../role-area';
import { lazyPage } from '../lazy-page';

/** The reviewer's screens; the application page is also the supervisor's. */
export const reviewerArea: RoleArea = {
  role: 'reviewer',
  home: '/queue',
  nav: [
    { to: '/queue', labelKey: 'nav.queue' },
    { to: '/search', labelKey: 'nav.search' },
  ],
  routes: [
    { path: '/queue', element: lazyPage(() => import('./QueuePage'), 'QueuePage') },
    { path: '/search', element: lazyPage(() => import('./SearchPage'), 'SearchPage') },
    {
      path: '/applications/:id',
      element: lazyPage(() => import('./application/ApplicationPage'), 'ApplicationPage'),
      handle: { alsoFor: ['supervisor'] },
    },
  ],
};
