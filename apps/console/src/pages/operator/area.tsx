import type { RoleArea } from '../role-area';

/** The operator's screens. */
export const operatorArea: RoleArea = {
  role: 'operator',
  home: '/incidents',
  nav: [
    { to: '/incidents', labelKey: 'nav.incidents' },
    { to: '/health', labelKey: 'nav.health' },
  ],
  routes: [],
};
