import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import { HttpProblem, problem } from '../http/problem';
import { JWT_SETTINGS } from './auth.tokens';
import type { JwtSettings } from '@libs/auth';
import { AuthenticatedActor, PUBLIC_KEY, Role, ROLES_KEY } from './roles';
import { InvalidTokenError, verifyToken } from '@libs/auth';

export type AuthenticatedRequest = Request & { actor?: AuthenticatedActor };

/**
 * Bearer JWT on every endpoint that is not @Public(), then the endpoint's @Roles(). An endpoint
 * without either is refused: forgetting to declare who may call it cannot open it to everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SETTINGS) private readonly settings: JwtSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/i.exec(header);
    if (!match) throw unauthenticated('A bearer token is required');
    try {
      request.actor = verifyToken(this.settings, match[1]!, this.clock.now());
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated(`The token is not valid: ${error.message}`);
      throw error;
    }
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    if (!allowed || !allowed.includes(request.actor.role)) {
      throw new HttpProblem(
        problem(
          403,
          'AUTH.FORBIDDEN',
          'Not allowed for your role',
          `${request.actor.role} may not ${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`,
        ),
      );
    }
    return true;
  }
}

function unauthenticated(detail: string): HttpProblem {
  return new HttpProblem(problem(401, 'AUTH.UNAUTHENTICATED', 'Authentication required', detail), {
    'WWW-Authenticate': 'Bearer realm="kandas"',
  });
}
