export const ROLES = ['portal', 'operator', 'reviewer', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who calls: the user id of the token and the role it acts in; it becomes the `actor` of every event. */
export interface AuthenticatedActor {
  readonly id: string;
  readonly role: Role;
}
