export const ROLES = ['portal', 'operator', 'reviewer', 'supervisor', 'auditor', 'admin', 'payments'] as const;
export type Role = (typeof ROLES)[number];

/** Who calls: the user id of the token and the role it acts in; it becomes the `actor` of every event. */
export interface AuthenticatedActor {
  readonly id: string;
  readonly role: Role;
}

/**
 * The one rule of who sees personal data in clear (ADR 26): the reviewers and supervisors who decide
 * on the person. Every other role — auditors and admins included — reads it masked; an auditor
 * reads it in clear only through an export under an admin's grant.
 */
export function seesPersonalDataInClear(actor: Pick<AuthenticatedActor, 'role'>): boolean {
  return actor.role === 'reviewer' || actor.role === 'supervisor';
}
