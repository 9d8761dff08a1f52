import type { RoleArea } from '../role-area';
import { lazyPage } from '../lazy-page';

/** The reviewer's screens; the application page and the hearings are also the supervisor's. */
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
    { path: '/search', element: lazyPage(() => import('./SearchPage'), 'SearchPage') },
    {
      path: '/applications/:id',
      element: lazyPage(() => import('./application/ApplicationPage'), 'ApplicationPage'),
      handle: { alsoFor: ['supervisor'] },
    },
    {
      path: '/hearings',
      element: lazyPage(() => import('../hearing/HearingsPage'), 'HearingsPage'),
      handle: { alsoFor: ['supervisor'] },
    },
  ],
};
