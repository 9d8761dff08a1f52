import type { RoleArea } from '../role-area';
import { lazyPage } from '../lazy-page';

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
    { path: '/quotas', element: lazyPage(() => import('./quotas/QuotasPage'), 'QuotasPage') },
    { path: '/law', element: lazyPage(() => import('./law/LawPage'), 'LawPage') },
    { path: '/grants', element: lazyPage(() => import('./grants/GrantsPage'), 'GrantsPage') },
  ],
};
