import { SetMetadata } from '@nestjs/common';
import type { Role } from '@libs/auth';

export { ROLES } from '@libs/auth';
export type { AuthenticatedActor, Role } from '@libs/auth';

export const ROLES_KEY = 'kandas:roles';
export const PUBLIC_KEY = 'kandas:public';

/** Who may call an endpoint. Every endpoint says so (or is @Public()); a test checks the matrix. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Liveness, readiness, metrics and the API description need no token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
