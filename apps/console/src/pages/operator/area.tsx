import type { RoleArea } from '../role-area';
import { lazyPage } from '../lazy-page';

/** The operator's screens: what the service could not finish by itself, and how it keeps up. */
export const operatorArea: RoleArea = {
  role: 'operator',
  home: '/incidents',
  nav: [
    { to: '/incidents', labelKey: 'nav.incidents' },
    { to: '/health', labelKey: 'nav.health' },
  ],
  routes: [
    { path: '/incidents', element: lazyPage(() => import('./incidents/IncidentsPage'), 'IncidentsPage') },
    { path: '/health', element: lazyPage(() => import('./health/HealthPage'), 'HealthPage') },
  ],
};
