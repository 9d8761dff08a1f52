import type { RouteObject } from 'react-router';
import type { ConsoleRole } from '../auth/session';

/** One role's part of the console: its screens (routes under /console) and its entries in the navigation. */
export interface RoleArea {
  readonly role: ConsoleRole;
  /** Where the role lands after sign-in. */
  readonly home: string;
  /** `labelKey` is a key of the role's namespace (`nav.queue`). */
  readonly nav: readonly { readonly to: string; readonly labelKey: string }[];
  readonly routes: readonly RouteObject[];
}
