import type { RoleArea } from '../role-area';
import { lazyPage } from '../lazy-page';

/**
 * The admin's screens: the quotas by order, the law in force with its amendments, grants to export in
 * clear, and the applications, found by the reviewer area's search (shared, `alsoFor`), where the
 * admin records the authority's decision on a complaint; and the payments area's register, shared.
 */
export const adminArea: RoleArea = {
  role: 'admin',
  home: '/quotas',
  nav: [
    { to: '/quotas', labelKey: 'nav.quotas' },
    { to: '/law', labelKey: 'nav.law' },
    { to: '/grants', labelKey: 'nav.grants' },
    { to: '/search', labelKey: 'nav.applications' },
    { to: '/payments', labelKey: 'nav.payments' },
  ],
  routes: [
    { path: '/quotas', element: lazyPage(() => import('./quotas/QuotasPage'), 'QuotasPage') },
    { path: '/law', element: lazyPage(() => import('./law/LawPage'), 'LawPage') },
    { path: '/grants', element: lazyPage(() => import('./grants/GrantsPage'), 'GrantsPage') },
  ],
};
