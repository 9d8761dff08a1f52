import type { RoleArea } from '../role-area';
import { EscalatedPage } from './EscalatedPage';
import { SlaBoardPage } from './SlaBoardPage';

/** The supervisor's screens; the application page is the reviewer area's, shared (`alsoFor`). */
export const supervisorArea: RoleArea = {
  role: 'supervisor',
  home: '/sla',
  nav: [
    { to: '/sla', labelKey: 'nav.sla' },
    { to: '/escalated', labelKey: 'nav.escalated' },
  ],
  routes: [
    { path: '/sla', element: <SlaBoardPage /> },
    { path: '/escalated', element: <EscalatedPage /> },
  ],
};
