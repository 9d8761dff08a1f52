import { ConfigError } from '@infra/config/runtime-config';
import { ROLES } from '@libs/auth';
import type { Role } from '@libs/auth';

/** How many commands an actor may send: `ratePerSecond` sustained, `burst` at once after a quiet spell. */
export interface RateLimit {
  readonly ratePerSecond: number;
  readonly burst: number;
}

/** Per-role limits on command requests (any POST), per actor; `null` when the operator switched them off. */
export type CommandRateLimits = Readonly<Record<Role, RateLimit>> | null;

/**
 * The eGov portal is one actor that submits and signs for every applicant in the country, so it
 * gets a national-peak allowance; an officer's account sending more than a few commands a second
 * for a minute is a script or a stolen token, not a person at work.
 */
export const DEFAULT_COMMAND_RATE_LIMITS: Readonly<Record<Role, RateLimit>> = {
  portal: { ratePerSecond: 200, burst: 1000 },
  operator: { ratePerSecond: 5, burst: 60 },
  reviewer: { ratePerSecond: 5, burst: 60 },
  supervisor: { ratePerSecond: 5, burst: 60 },
  auditor: { ratePerSecond: 5, burst: 60 },
  admin: { ratePerSecond: 5, burst: 60 },
  // The bank's answers are entered by hand until their file is imported (ADR 33): a busy morning's pace.
  payments: { ratePerSecond: 10, burst: 120 },
};

const VARIABLE = 'KANDAS_COMMAND_RATE_LIMITS';

/**
 * `KANDAS_COMMAND_RATE_LIMITS`: unset for the defaults, `off` when a gateway in front already
 * limits (or for load tests), or a list such as `portal=500/2000,*=10/100` — commands per second and
 * burst, by role; `*` sets every role not named. Checked at start-up so a typo cannot open the door.
 */
export function readCommandRateLimits(env: NodeJS.ProcessEnv): CommandRateLimits {
  const value = env[VARIABLE]?.trim();
  if (!value) return DEFAULT_COMMAND_RATE_LIMITS;
  if (value === 'off') return null;
  const limits: Partial<Record<Role, RateLimit>> = {};
  let others: RateLimit | undefined;
  for (const entry of value.split(',').map((part) => part.trim())) {
    const match = /^([a-z*]+)=(\d+(?:\.\d+)?)\/(\d+)$/.exec(entry);
    if (!match)
      throw new ConfigError(
        VARIABLE,
        `"${entry}" is not <role>=<per second>/<burst> (e.g. portal=200/1000 or *=5/60), nor "off"`,
      );
    // The pattern's three groups always take part in a match, so each is a string.
    const [, role = '', rate = '', burst = ''] = match;
    const limit = { ratePerSecond: Number(rate), burst: Number(burst) };
    if (limit.ratePerSecond <= 0 || limit.burst < 1)
      throw new ConfigError(VARIABLE, `"${entry}": the rate must be above 0 and the burst at least 1`);
    if (role === '*') others = limit;
    else if ((ROLES as readonly string[]).includes(role)) limits[role as Role] = limit;
    else throw new ConfigError(VARIABLE, `"${role}" is not a role (${ROLES.join(', ')} or *)`);
  }
  return Object.fromEntries(
    ROLES.map((role) => [role, limits[role] ?? others ?? DEFAULT_COMMAND_RATE_LIMITS[role]]),
  ) as Record<Role, RateLimit>;
}

/**
 * A rate and a burst as @nestjs/throttler counts: `burst` commands within any window of
 * `burst / ratePerSecond` seconds. The sustained rate and the burst are those configured; what
 * differs from a token bucket is the wait once the burst is spent — until the oldest command of the
 * window ages out (e.g. 12 s for 5/60), not 1/rate (ADR 10).
 */
export function throttleWindow(limit: RateLimit): { readonly limit: number; readonly ttlMs: number } {
  return { limit: limit.burst, ttlMs: Math.round((limit.burst / limit.ratePerSecond) * 1000) };
}
