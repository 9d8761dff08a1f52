import type { RoleArea } from '../role-area';
import { ExportsPage } from './exports/ExportsPage';
import { FindApplicationPage } from './find/FindApplicationPage';
import { ApplicationHistoryPage } from './history/ApplicationHistoryPage';
import { VerifyPage } from './verify/VerifyPage';

/** The auditor's screens: any application's history, the store's integrity, exports. */
export const auditorArea: RoleArea = {
  role: 'auditor',
  home: '/audit',
  nav: [
    { to: '/audit', labelKey: 'nav.applications' },
    { to: '/audit/verify', labelKey: 'nav.verify' },
    { to: '/audit/exports', labelKey: 'nav.exports' },
  ],
  routes: [
    { path: '/audit', element: <FindApplicationPage /> },
    { path: '/audit/applications/:id', element: <ApplicationHistoryPage /> },
    { path: '/audit/verify', element: <VerifyPage /> },
    { path: '/audit/exports', element: <ExportsPage /> },
  ],
};
