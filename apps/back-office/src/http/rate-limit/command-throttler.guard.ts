import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail, ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { CommandMetrics } from '../../observability/command-metrics';
import { HttpProblem, problem } from '../problem';

/**
 * @nestjs/throttler's guard, run after the AuthGuard (global guards run in the order they are
 * provided): it limits the commands of the authenticated actor (see `command-throttler.options.ts`),
 * and a refused request never reaches validation or the store, so a flood appends nothing. What it
 * adds to the library is the answer: RateLimit-* headers (the IETF draft's names, not X-RateLimit-*),
 * a problem+json 429 naming the actor and its limit, and the refusal counted in the metrics.
 */
@Injectable()
export class CommandThrottlerGuard extends ThrottlerGuard {
  protected override headerPrefix = 'RateLimit';

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly metrics: CommandMetrics,
  ) {
    super(options, storage, reflector);
  }

  protected override throwThrottlingException(context: ExecutionContext, refused: ThrottlerLimitDetail): Promise<void> {
    const { actor, ip } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const who = actor ? `${actor.role} ${actor.id}` : `the address ${ip ?? 'unknown'}`;
    if (actor) this.metrics.rateLimited(actor.role);
    const seconds = refused.ttl / 1000;
    throw new HttpProblem(
      problem(
        429,
        'REQUEST.RATE_LIMITED',
        'Too many commands',
        `${who} may send ${refused.limit} commands in any ${seconds} s; nothing was recorded, retry after ${refused.timeToBlockExpire} s`,
      ),
      {
        'Retry-After': String(refused.timeToBlockExpire),
        'RateLimit-Limit': String(refused.limit),
        'RateLimit-Remaining': '0',
      },
    );
  }
}
