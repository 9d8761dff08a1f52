import type { ExecutionContext, Provider } from '@nestjs/common';
import { getOptionsToken, getStorageToken } from '@nestjs/throttler';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { ClockThrottlerStorage } from './clock-throttler-storage';
import { readCommandRateLimits, throttleWindow } from './command-rate-limits';
import type { CommandRateLimits, RateLimit } from './command-rate-limits';

/**
 * @nestjs/throttler set up for commands: every POST of an authenticated actor counts against the
 * limit of its role, one window per actor across all commands (the tracker is `role:id`, the key
 * the tracker alone), on the service clock. A POST that needs no token (the development sign-in,
 * ADR 31) counts per client address against the strictest limit of any role. Reads, and every
 * request when the limits are `off`, are skipped. The windows live in this instance (like OTP requests, ADR 9): behind a load
 * balancer each instance allows its share, which an operator sets through KANDAS_COMMAND_RATE_LIMITS.
 */
export function commandThrottlerProviders(env: NodeJS.ProcessEnv): Provider[] {
  // Read now, not in a factory: a bad KANDAS_COMMAND_RATE_LIMITS refuses the start before a file is opened.
  const limits = readCommandRateLimits(env);
  return [
    // What ThrottlerModule.forRoot would provide, under the library's own tokens, beside the guard that reads them.
    { provide: getOptionsToken(), useFactory: () => commandThrottlerOptions(limits) },
    { provide: getStorageToken(), inject: [CLOCK], useFactory: (clock: Clock) => new ClockThrottlerStorage(clock) },
  ];
}

function commandThrottlerOptions(limits: CommandRateLimits): ThrottlerModuleOptions {
  const window = (context: ExecutionContext) => throttleWindow(limitOf(limits, context) ?? unreachable());
  return {
    throttlers: [
      { limit: (context) => window(context).limit, ttl: (context) => window(context).ttlMs, blockDuration: 0 },
    ],
    skipIf: (context) => limitOf(limits, context) === undefined,
    getTracker: (_request, context) => {
      const { actor, ip } = requestOf(context);
      return actor ? `${actor.role}:${actor.id}` : `address:${ip ?? 'unknown'}`;
    },
    generateKey: (_context, tracker) => tracker,
  };
}

/**
 * The limit on this request: none on a read or when the limits are off; the actor's role's; on a
 * POST without a token (only a public one gets past the AuthGuard so), the strictest of any role.
 */
function limitOf(limits: CommandRateLimits, context: ExecutionContext): RateLimit | undefined {
  const { method, actor } = requestOf(context);
  if (limits === null || method !== 'POST') return undefined;
  return actor ? limits[actor.role] : strictest(limits);
}

/** The limit that admits the fewest commands in a burst (ties: the slower rate). */
function strictest(limits: Readonly<Record<string, RateLimit>>): RateLimit {
  return Object.values(limits).reduce((a, b) =>
    b.burst < a.burst || (b.burst === a.burst && b.ratePerSecond < a.ratePerSecond) ? b : a,
  );
}

function requestOf(context: ExecutionContext): AuthenticatedRequest {
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** The throttler asks for a limit and a tracker only of the requests `skipIf` let through, which have both. */
function unreachable(): never {
  throw new Error('The command throttler was asked about a request it skips');
}
