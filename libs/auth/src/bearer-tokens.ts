import { decodeJwt } from 'jose';
import type { AuthenticatedActor } from './actor';
import type { JwtSettings } from './jwt-keys';
import type { OidcVerifier } from './oidc-verifier';
import { InvalidTokenError } from './token-errors';
import { verifyToken } from './tokens';

/**
 * The two kinds of bearer token the back office takes (ADR 31), told apart by their issuer:
 * the service's own (HS256 with KANDAS_JWT_SECRET: the CLI, the portal, the development sign-in,
 * tests) and, when configured, the identity provider's (an asymmetric signature checked against its
 * key set). The issuer is read before the signature only to choose the check; each check then
 * verifies it, with its own algorithms, so neither kind can pass for the other.
 */
export class BearerTokens {
  constructor(
    private readonly service: JwtSettings,
    private readonly provider?: OidcVerifier,
  ) {}

  /** Throws InvalidTokenError (401), NoKnownRoleError (403) or IdentityProviderUnavailableError (503). */
  async verify(token: string, now: Date): Promise<AuthenticatedActor> {
    // Without a provider, exactly as before it existed: no decoding, no other path.
    if (!this.provider) return verifyToken(this.service, token, now);
    const issuer = unverifiedIssuer(token);
    if (issuer === this.provider.issuer) return this.provider.verify(token, now);
    if (issuer === undefined || issuer === this.service.issuer) return verifyToken(this.service, token, now);
    throw new InvalidTokenError(
      `the issuer ${JSON.stringify(issuer.slice(0, 100))} is neither the identity provider (${this.provider.issuer}) nor this service`,
    );
  }
}

/** The `iss` a token claims, unverified; undefined when it is no JWT or names none (the service's check then says why). */
function unverifiedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}
