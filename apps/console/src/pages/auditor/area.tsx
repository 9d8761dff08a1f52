import type { RoleArea } from '../role-area';
import { lazyPage } from '../lazy-page';

/** The auditor's screens: any application's history, the store's integrity, exports; and the payments area's register, shared. */
export const auditorArea: RoleArea = {
  role: 'auditor',
  home: '/audit',
  nav: [
    { to: '/audit', labelKey: 'nav.applications' },
    { to: '/audit/verify', labelKey: 'nav.verify' },
    { to: '/audit/exports', labelKey: 'nav.exports' },
    { to: '/payments', labelKey: 'nav.payments' },
  ],
  routes: [
    { path: '/audit', element: lazyPage(() => import('./find/FindApplicationPage'), 'FindApplicationPage') },
    {
      path: '/audit/applications/:id',
      element: lazyPage(() => import('./history/ApplicationHistoryPage'), 'ApplicationHistoryPage'),
    },
    { path: '/audit/verify', element: lazyPage(() => import('./verify/VerifyPage'), 'VerifyPage') },
    { path: '/audit/exports', element: lazyPage(() => import('./exports/ExportsPage'), 'ExportsPage') },
  ],
};
