import type { RoleArea } from '../role-area';
import { ApplicationPage } from './application/ApplicationPage';
import { QueuePage } from './QueuePage';
import { SearchPage } from './SearchPage';

/** The reviewer's screens; the application page is also the supervisor's. */
export const reviewerArea: RoleArea = {
  role: 'reviewer',
  home: '/queue',
  nav: [
    { to: '/queue', labelKey: 'nav.queue' },
    { to: '/search', labelKey: 'nav.search' },
  ],
  routes: [
    { path: '/queue', element: <QueuePage /> },
    { path: '/search', element: <SearchPage /> },
    { path: '/applications/:id', element: <ApplicationPage />, handle: { alsoFor: ['supervisor'] } },
  ],
};
