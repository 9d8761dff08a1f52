import jwt from 'jsonwebtoken';
import { AuthenticatedActor, Role, ROLES } from './actor';
import { JwtSettings } from './jwt-keys';

/** Mints a token for a user of the back office (the CLI's `token` command; tests). */
export function mintToken(settings: JwtSettings, actor: { id: string; role: Role }, now: Date, ttlSeconds = 8 * 3600): string {
  const iat = Math.floor(now.getTime() / 1000);
  return jwt.sign({ sub: actor.id, role: actor.role, iat, exp: iat + ttlSeconds }, settings.secret, {
    algorithm: 'HS256',
    issuer: settings.issuer,
    audience: settings.audience,
  });
}

export class InvalidTokenError extends Error {}

/** Verifies signature, algorithm, issuer, audience and expiry (against the injected clock). */
export function verifyToken(settings: JwtSettings, token: string, now: Date): AuthenticatedActor {
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, settings.secret, {
      algorithms: ['HS256'],
      issuer: settings.issuer,
      audience: settings.audience,
      clockTimestamp: Math.floor(now.getTime() / 1000),
    }) as jwt.JwtPayload;
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  const role = claims.role as Role;
  if (typeof claims.sub !== 'string' || claims.sub.length === 0 || !ROLES.includes(role)) throw new InvalidTokenError('token has no subject or no known role');
  return { id: claims.sub, role };
}
