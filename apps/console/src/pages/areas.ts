import type { ConsoleRole } from '../auth/session';
import type { RoleArea } from './role-area';
import { reviewerArea } from './reviewer/area';
import { supervisorArea } from './supervisor/area';
import { adminArea } from './admin/area';
import { operatorArea } from './operator/area';
import { auditorArea } from './auditor/area';
import { paymentsArea } from './payments/area';

/** Each role sees only its own area; the API still refuses whatever the role may not do. */
export const AREAS: Record<ConsoleRole, RoleArea> = {
  reviewer: reviewerArea,
  supervisor: supervisorArea,
  admin: adminArea,
  operator: operatorArea,
  auditor: auditorArea,
  payments: paymentsArea,
};
