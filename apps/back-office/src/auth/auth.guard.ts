import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import { HttpProblem, problem } from '../http/problem';
import { BEARER_TOKENS } from './auth.tokens';
import { BearerTokens } from '@libs/auth';
import { tokenProblem, unauthenticated } from './auth-problems';
import { AuthenticatedActor, PUBLIC_KEY, Role, ROLES_KEY } from './roles';

export type AuthenticatedRequest = Request & { actor?: AuthenticatedActor };

/**
 * Bearer JWT on every endpoint that is not @Public(), then the endpoint's @Roles(). An endpoint
 * without either is refused: forgetting to declare who may call it cannot open it to everyone.
 * The token is the service's own or, when configured, the identity provider's (ADR 31): an invalid
 * one is 401 with the reason, a valid one of the provider naming no role of ours 403, and a provider
 * whose keys cannot be fetched 503 (nothing can be said of the token; it is not called invalid).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(BEARER_TOKENS) private readonly tokens: BearerTokens,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/i.exec(header);
    if (!match) throw unauthenticated('A bearer token is required');
    request.actor = await this.actorOf(match[1]!);
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

  private async actorOf(token: string): Promise<AuthenticatedActor> {
    try {
      return await this.tokens.verify(token, this.clock.now());
    } catch (error) {
      throw tokenProblem(error);
    }
  }
}
