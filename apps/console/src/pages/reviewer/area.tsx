import type { RoleArea } from '../role-area';

/** The reviewer's screens. */
export const reviewerArea: RoleArea = {
  role: 'reviewer',
  home: '/queue',
  nav: [
    { to: '/queue', labelKey: 'nav.queue' },
    { to: '/search', labelKey: 'nav.search' },
  ],
  routes: [],
};
