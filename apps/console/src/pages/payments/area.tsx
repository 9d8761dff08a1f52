import type { RoleArea } from '../role-area';
import { lazyPage } from '../lazy-page';

/** Who reads the payments (the API lets them): they see the register and a family's schedule, not the bank's files. */
const READERS = { alsoFor: ['supervisor', 'auditor', 'admin'] } as const;

/**
 * The payments officer's screens (ADR 33): the register of a month with its budget per region, the
 * files exchanged with the bank, and a family's schedule, where the officer records what the bank did.
 */
export const paymentsArea: RoleArea = {
  role: 'payments',
  home: '/payments',
  nav: [
    { to: '/payments', labelKey: 'nav.register' },
    { to: '/payments/bank', labelKey: 'nav.bank' },
    { to: '/payments/families', labelKey: 'nav.families' },
  ],
  routes: [
    { path: '/payments', element: lazyPage(() => import('./register/RegisterPage'), 'RegisterPage'), handle: READERS },
    { path: '/payments/bank', element: lazyPage(() => import('./bank/BankPage'), 'BankPage') },
    {
      path: '/payments/families',
      element: lazyPage(() => import('./family/FindFamilyPage'), 'FindFamilyPage'),
      handle: READERS,
    },
    {
      path: '/payments/families/:id',
      element: lazyPage(() => import('./family/FamilyPage'), 'FamilyPage'),
      handle: READERS,
    },
  ],
};
