import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import type { AuthenticatedActor } from './actor';
import { networkReason, OidcDiscovery } from './oidc-discovery';
import type { HttpFetchOptions } from './oidc-discovery';
import { roleOfClaims, userOfClaims } from './oidc-settings';
import type { OidcSettings } from './oidc-settings';
import { IdentityProviderUnavailableError, InvalidTokenError } from './token-errors';

/** Asymmetric algorithms only: a provider's token is checked with its public key, never with a shared secret. */
export const OIDC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;
/** Clocks of the provider and of this service may differ by this much (seconds) on `exp`, `nbf` and `iat`. */
export const OIDC_CLOCK_TOLERANCE_SECONDS = 30;

export interface OidcVerifierOptions extends HttpFetchOptions {
  /** An unknown `kid` refetches the key set at most this often (service clock; jose's own default, 30 s). */
  readonly refetchCooldownMs?: number;
  /** The key set is refetched when older than this (service clock; 10 min), so a key the provider withdrew stops working. */
  readonly maxAgeMs?: number;
  /** Told when a due refetch failed and the keys already held go on serving. */
  readonly warn?: (message: string) => void;
}

type RemoteKeySet = ReturnType<typeof createRemoteJWKSet>;

/**
 * Tokens of the ministry's identity provider, verified with jose (`jwtVerify` over
 * `createRemoteJWKSet`): an asymmetric signature by a key of the provider's key set, the issuer,
 * the audience and the expiry against the service clock, then the role claim (ADR 31).
 *
 * jose fetches, parses and selects the keys; when to fetch is decided here, on the service clock:
 * jose's own cooldown and cache age read `Date.now()`, so they are set to never expire and the
 * verifier reloads the key set itself — when it is older than `maxAgeMs`, and on a `kid` it does not
 * hold (a rotation at the provider) once `refetchCooldownMs` has passed since the last fetch, so a
 * flood of made-up key ids costs the provider one request per cooldown.
 */
export class OidcVerifier {
  private keySet: Promise<RemoteKeySet> | undefined;
  private fetchedAt: number | undefined;
  private refreshDueAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly settings: OidcSettings,
    readonly discovery: OidcDiscovery = new OidcDiscovery(settings.issuer),
    private readonly options: OidcVerifierOptions = {},
  ) {}

  get issuer(): string {
    return this.settings.issuer;
  }

  async verify(token: string, now: Date): Promise<AuthenticatedActor> {
    const keys = await this.keysAt(now.getTime());
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: [...OIDC_ALGORITHMS],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        currentDate: now,
        clockTolerance: OIDC_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError) throw error;
      throw new InvalidTokenError(reasonOf(error, token));
    }
    return { id: userOfClaims(payload, this.settings), role: roleOfClaims(payload, this.settings) };
  }

  /** The key resolver for one verification at `now`: the key set, fresh enough, refetched once on an unknown kid. */
  private async keysAt(now: number): Promise<JWTVerifyGetKey> {
    const remote = await this.remote();
    if (now >= this.refreshDueAt) await this.refresh(remote, now);
    return async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        const cooled = this.fetchedAt === undefined || now - this.fetchedAt >= this.cooldownMs;
        if (!(error instanceof errors.JWKSNoMatchingKey) || !cooled) throw error;
        await this.reload(remote, now);
        return await remote(header, token);
      }
    };
  }

  /** A due refetch; when it fails with keys already held, they go on serving and the next try waits one cooldown. */
  private async refresh(remote: RemoteKeySet, now: number): Promise<void> {
    try {
      await this.reload(remote, now);
    } catch (error) {
      if (this.fetchedAt === undefined) throw error;
      this.refreshDueAt = now + this.cooldownMs;
      this.options.warn?.(`${(error as Error).message}; the keys fetched before go on serving`);
    }
  }

  private async reload(remote: RemoteKeySet, now: number): Promise<void> {
    try {
      await remote.reload();
    } catch (error) {
      throw new IdentityProviderUnavailableError(
        `the identity provider's key set at ${await this.jwksUrl()} cannot be fetched: ${keySetReason(error)}`,
      );
    }
    this.fetchedAt = now;
    this.refreshDueAt = now + (this.options.maxAgeMs ?? 600_000);
  }

  private remote(): Promise<RemoteKeySet> {
    this.keySet ??= this.jwksUrl().then((url) =>
      createRemoteJWKSet(new URL(url), {
        // Never by jose's own Date.now(): `keysAt` decides when to fetch, on the service clock.
        cooldownDuration: Number.POSITIVE_INFINITY,
        cacheMaxAge: Number.POSITIVE_INFINITY,
        timeoutDuration: this.options.timeoutMs ?? 5000,
      }),
    );
    // A discovery that failed is tried again by the next request.
    this.keySet.catch(() => (this.keySet = undefined));
    return this.keySet;
  }

  private async jwksUrl(): Promise<string> {
    return this.settings.jwksUrl ?? (await this.discovery.metadata()).jwksUri;
  }

  private get cooldownMs(): number {
    return this.options.refetchCooldownMs ?? 30_000;
  }
}

function keySetReason(error: unknown): string {
  if (error instanceof errors.JWKSInvalid) return 'it is not a JSON Web Key Set';
  if (error instanceof errors.JOSEError && /200 OK/.test(error.message)) return 'it did not answer 200';
  if (error instanceof errors.JOSEError && /JSON/.test(error.message)) return 'it did not answer JSON';
  return networkReason(error);
}

/** Why jose refused the token, in words the 401 carries. */
function reasonOf(error: unknown, token: string): string {
  if (error instanceof errors.JWTExpired) {
    const { exp } = error.payload;
    return typeof exp === 'number' ? `the token expired at ${new Date(exp * 1000).toISOString()}` : 'the token expired';
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'the token was issued by another issuer';
    if (error.claim === 'aud') return 'the token is meant for another audience';
    if (error.claim === 'nbf') return 'the token is not valid yet';
    return `the claim ${error.claim} is not valid: ${error.reason}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey)
    return `no key of the identity provider has the token's kid ${JSON.stringify(kidOf(token)?.slice(0, 64) ?? null)}`;
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'the token names no kid and several keys could match';
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'the algorithm of the token is not allowed (RS256, PS256, ES256, EdDSA)';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
    return `the token is malformed: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function kidOf(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).kid;
  } catch {
    return undefined;
  }
}
