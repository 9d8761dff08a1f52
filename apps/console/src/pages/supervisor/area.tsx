import type { RoleArea } from '../role-area';
import { lazyPage } from '../lazy-page';

/**
 * The supervisor's screens; the application page and the hearings are the reviewer area's, and the
 * payments register with a family's schedule the payments area's, shared (`alsoFor`).
 */
export const supervisorArea: RoleArea = {
  role: 'supervisor',
  home: '/sla',
  nav: [
    { to: '/sla', labelKey: 'nav.sla' },
    { to: '/escalated', labelKey: 'nav.escalated' },
    { to: '/hearings', labelKey: 'nav.hearings' },
    { to: '/complaints', labelKey: 'nav.complaints' },
    { to: '/payments', labelKey: 'nav.payments' },
  ],
  routes: [
    { path: '/sla', element: lazyPage(() => import('./SlaBoardPage'), 'SlaBoardPage') },
    { path: '/escalated', element: lazyPage(() => import('./EscalatedPage'), 'EscalatedPage') },
    { path: '/complaints', element: lazyPage(() => import('../complaint/ComplaintsPage'), 'ComplaintsPage') },
  ],
};
