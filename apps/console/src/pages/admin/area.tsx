import type { RoleArea } from '../role-area';

/** The admin's screens. */
export const adminArea: RoleArea = {
  role: 'admin',
  home: '/quotas',
  nav: [
    { to: '/quotas', labelKey: 'nav.quotas' },
    { to: '/law', labelKey: 'nav.law' },
  ],
  routes: [],
};
