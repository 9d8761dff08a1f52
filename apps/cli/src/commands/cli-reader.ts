import { userInfo } from 'node:os';
import type { INestApplicationContext } from '@nestjs/common';
import { CLOCK } from '@libs/event-sourcing';
import type { Actor, Clock } from '@libs/event-sourcing';
import { InvalidTokenError, jwtSettings, verifyToken } from '@libs/auth';
import { readRuntimeConfig } from '@infra/config/runtime-config';

/** The CLI has no login: who runs it is the operating-system user, recorded as such. */
export function cliActor(): Actor {
  return { id: `cli:${userInfo().username}`, role: 'cli' };
}

/**
 * The user a bearer token names, checked as the service checks it (its JWT key, issuer, audience,
 * expiry on the clock): how a CLI user proves to be an admin granting, or the auditor a grant names.
 * A string is the reason it is refused.
 */
export function actorOfToken(app: INestApplicationContext, token: string): Actor | string {
  const dataDir = readRuntimeConfig(process.env).localSecretsDir;
  try {
    return verifyToken(jwtSettings(process.env, dataDir), token, app.get<Clock>(CLOCK).now());
  } catch (error) {
    if (error instanceof InvalidTokenError) return `--token is not valid: ${error.message}`;
    throw error;
  }
}
