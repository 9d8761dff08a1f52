import type { RoleArea } from '../role-area';
import { HealthPage } from './health/HealthPage';
import { IncidentsPage } from './incidents/IncidentsPage';

/** The operator's screens: what the service could not finish by itself, and how it keeps up. */
export const operatorArea: RoleArea = {
  role: 'operator',
  home: '/incidents',
  nav: [
    { to: '/incidents', labelKey: 'nav.incidents' },
    { to: '/health', labelKey: 'nav.health' },
  ],
  routes: [
    { path: '/incidents', element: <IncidentsPage /> },
    { path: '/health', element: <HealthPage /> },
  ],
};
