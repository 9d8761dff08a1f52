import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_EXTENSION, ROLES_EXTENSION } from '../http/openapi/extensions';
import type { Role } from '@libs/auth';

export { ROLES } from '@libs/auth';
export type { AuthenticatedActor, Role } from '@libs/auth';

export const ROLES_KEY = 'kandas:roles';
export const PUBLIC_KEY = 'kandas:public';

/** Who may call an endpoint. Every endpoint says so (or is @Public()); a test checks the matrix. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension(ROLES_EXTENSION, roles));

/** Liveness, readiness, metrics and the API description need no token. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true));
