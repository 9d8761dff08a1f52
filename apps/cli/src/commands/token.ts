import { Argument, Command, InvalidArgumentError } from 'commander';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import { jwtSettings, mintToken, Role, ROLES } from '@libs/auth';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import type { CliContext } from './cli-context';

const MAX_TTL_HOURS = 24 * 30;

function ttlHours(value: string): number {
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_TTL_HOURS)
    throw new InvalidArgumentError(`--ttl must be a number of hours, at most ${MAX_TTL_HOURS}`);
  return hours;
}

/** `token <role> [user-id] [--ttl <hours>]`: a bearer token for local use. */
export function addTokenCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  program
    .command('token')
    .description('mint a bearer token for local use')
    .addArgument(new Argument('<role>', 'the role the token carries').choices(ROLES))
    .argument('[user-id]', 'the user the token names (default: <role>-1)')
    .option('--ttl <hours>', `hours the token lives, at most ${MAX_TTL_HOURS}`, ttlHours, 8)
    .action(async (role: Role, userId: string | undefined, options: { ttl: number }) => {
      exitWith(
        await onWorkflow(async (app) => {
          // The development key is where the service finds it (RuntimeConfig.localSecretsDir); KANDAS_JWT_SECRET wins when set.
          const dataDir = readRuntimeConfig(process.env).localSecretsDir;
          const now = app.get<Clock>(CLOCK).now();
          print(
            mintToken(jwtSettings(process.env, dataDir), { id: userId ?? `${role}-1`, role }, now, options.ttl * 3600),
          );
          return 0;
        }),
      );
    });
}
