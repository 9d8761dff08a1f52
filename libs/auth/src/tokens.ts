import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AuthenticatedActor, Role, ROLES } from './actor';
import { JwtSettings } from './jwt-keys';
import { InvalidTokenError } from './token-errors';

/** Mints a token for a user of the back office (the CLI's `token` command; tests). */
export function mintToken(
  settings: JwtSettings,
  actor: { id: string; role: Role },
  now: Date,
  ttlSeconds = 8 * 3600,
): string {
  const iat = Math.floor(now.getTime() / 1000);
  return jwt.sign({ sub: actor.id, role: actor.role, iat, exp: iat + ttlSeconds }, settings.secret, {
    algorithm: 'HS256',
    issuer: settings.issuer,
    audience: settings.audience,
  });
}

/**
 * Given a string, jsonwebtoken first tries it as a public key on every call (12 % of the server's CPU
 * in the HTTP benchmark); a secret KeyObject, made once per settings, skips that.
 */
const verificationKeys = new WeakMap<JwtSettings, KeyObject>();

function verificationKey(settings: JwtSettings): KeyObject {
  let key = verificationKeys.get(settings);
  if (!key) verificationKeys.set(settings, (key = createSecretKey(Buffer.from(settings.secret, 'utf8'))));
  return key;
}

/** Verifies signature, algorithm, issuer, audience and expiry (against the injected clock). */
export function verifyToken(settings: JwtSettings, token: string, now: Date): AuthenticatedActor {
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, verificationKey(settings), {
      algorithms: ['HS256'],
      issuer: settings.issuer,
      audience: settings.audience,
      clockTimestamp: Math.floor(now.getTime() / 1000),
    }) as jwt.JwtPayload;
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  const role = claims.role as Role;
  if (typeof claims.sub !== 'string' || claims.sub.length === 0 || !ROLES.includes(role))
    throw new InvalidTokenError('token has no subject or no known role');
  return { id: claims.sub, role };
}
