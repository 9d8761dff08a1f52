import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { CommandMetrics } from '../../observability/command-metrics';
import { HttpProblem, problem } from '../problem';
import { COMMAND_RATE_LIMITS } from './command-rate-limits';
import type { CommandRateLimits } from './command-rate-limits';
import { TokenBuckets } from './token-bucket';

/**
 * Limits the commands (every POST) each authenticated actor may send, after the AuthGuard has said
 * who it is: a refused request never reaches validation or the store, so a flood appends nothing.
 * The buckets live in this instance (like OTP requests, ADR 9): behind a load balancer each
 * instance allows its share, which an operator sets through KANDAS_COMMAND_RATE_LIMITS.
 */
@Injectable()
export class CommandRateLimitGuard implements CanActivate {
  private readonly buckets = new TokenBuckets();

  constructor(
    @Inject(COMMAND_RATE_LIMITS) private readonly limits: CommandRateLimits,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: CommandMetrics,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { actor } = request;
    if (this.limits === null || request.method !== 'POST' || !actor) return true;
    const limit = this.limits[actor.role];
    const admission = this.buckets.take(`${actor.role}:${actor.id}`, limit, this.clock.now().getTime());
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('RateLimit-Limit', String(limit.burst));
    if (admission.admitted) {
      response.setHeader('RateLimit-Remaining', String(admission.remaining));
      return true;
    }
    this.metrics.rateLimited(actor.role);
    throw new HttpProblem(
      problem(429, 'REQUEST.RATE_LIMITED', 'Too many commands', `${actor.role} ${actor.id} may send ${limit.ratePerSecond} commands a second (${limit.burst} at once); nothing was recorded, retry after ${admission.retryAfterSeconds} s`),
      { 'Retry-After': String(admission.retryAfterSeconds), 'RateLimit-Remaining': '0' },
    );
  }
}
