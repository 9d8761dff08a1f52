import type { RoleArea } from '../role-area';
import { GrantsPage } from './grants/GrantsPage';
import { LawPage } from './law/LawPage';
import { QuotasPage } from './quotas/QuotasPage';

/** The admin's screens: the quotas by order, the law in force with its amendments, grants to export in clear. */
export const adminArea: RoleArea = {
  role: 'admin',
  home: '/quotas',
  nav: [
    { to: '/quotas', labelKey: 'nav.quotas' },
    { to: '/law', labelKey: 'nav.law' },
    { to: '/grants', labelKey: 'nav.grants' },
  ],
  routes: [
    { path: '/quotas', element: <QuotasPage /> },
    { path: '/law', element: <LawPage /> },
    { path: '/grants', element: <GrantsPage /> },
  ],
};
