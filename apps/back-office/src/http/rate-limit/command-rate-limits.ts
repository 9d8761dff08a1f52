import { ConfigError } from '@infra/config/runtime-config';
import { ROLES } from '@libs/auth';
import type { Role } from '@libs/auth';
import type { RateLimit } from './token-bucket';

export const COMMAND_RATE_LIMITS = Symbol('CommandRateLimits');

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
    if (!match) throw new ConfigError(VARIABLE, `"${entry}" is not <role>=<per second>/<burst> (e.g. portal=200/1000 or *=5/60), nor "off"`);
    const [, role, rate, burst] = match as unknown as [string, string, string, string];
    const limit = { ratePerSecond: Number(rate), burst: Number(burst) };
    if (limit.ratePerSecond <= 0 || limit.burst < 1) throw new ConfigError(VARIABLE, `"${entry}": the rate must be above 0 and the burst at least 1`);
    if (role === '*') others = limit;
    else if ((ROLES as readonly string[]).includes(role)) limits[role as Role] = limit;
    else throw new ConfigError(VARIABLE, `"${role}" is not a role (${ROLES.join(', ')} or *)`);
  }
  return Object.fromEntries(ROLES.map((role) => [role, limits[role] ?? others ?? DEFAULT_COMMAND_RATE_LIMITS[role]])) as Record<Role, RateLimit>;
}
