import type { RoleArea } from '../role-area';

/** The auditor's screens. */
export const auditorArea: RoleArea = {
  role: 'auditor',
  home: '/audit',
  nav: [
    { to: '/audit', labelKey: 'nav.applications' },
    { to: '/audit/verify', labelKey: 'nav.verify' },
    { to: '/audit/exports', labelKey: 'nav.exports' },
  ],
  routes: [],
};
