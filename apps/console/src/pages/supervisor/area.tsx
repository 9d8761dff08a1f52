import type { RoleArea } from '../role-area';

/** The supervisor's screens. */
export const supervisorArea: RoleArea = {
  role: 'supervisor',
  home: '/sla',
  nav: [
    { to: '/sla', labelKey: 'nav.sla' },
    { to: '/escalated', labelKey: 'nav.escalated' },
  ],
  routes: [],
};
