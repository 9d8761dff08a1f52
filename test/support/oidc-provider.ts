import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import type { Clock } from '@libs/event-sourcing';

/** A signing key of the provider: its kid, its private half, and its public JWK as the key set lists it. */
export interface ProviderKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

/** Who `/authorize` signs in, at once and without a page: a subject and the claims of their tokens. */
export interface ProviderUser {
  readonly sub: string;
  readonly claims?: Readonly<Record<string, unknown>>;
}

export interface MintOptions {
  /** Sign with this key instead of the current one (a key the provider never published: an unknown kid). */
  readonly key?: ProviderKey;
  /** Seconds from the clock's now to `exp` (default 300). */
  readonly ttlSeconds?: number;
}

interface PendingCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly user: ProviderUser;
  readonly nonce?: string;
  readonly scope: string;
}

/**
 * An OpenID Connect provider in the test process (node:http on a free port, RS256 keys made by jose):
 * the discovery document, the key set, `mint(claims)` for tokens signed by its current key, key
 * rotation, an outage switch — and, for a browser driving the console, an authorization endpoint that
 * signs in the configured user at once and redirects back with a code, and a token endpoint that
 * exchanges the code for an access token and an ID token, checking PKCE (S256). Time is the given
 * clock's, the same the service under test reads.
 */
export class OidcTestProvider {
  /** Requests served, by endpoint: what a test counts to see the service's caching. */
  readonly requests = { discovery: 0, jwks: 0, authorize: 0, token: 0 };
  /** True: the discovery document and the key set answer 503, as a provider that is down. */
  unavailable = false;
  /** The user `/authorize` signs in. */
  user: ProviderUser | undefined;

  private readonly keys: ProviderKey[] = [];
  private readonly codes = new Map<string, PendingCode>();
  private issuerUrl = '';

  private constructor(
    private readonly server: Server,
    private readonly clock: Clock,
    readonly audience: string,
    readonly clientId: string,
  ) {}

  static async start(options: {
    clock: Clock;
    audience?: string;
    clientId?: string;
    user?: ProviderUser;
  }): Promise<OidcTestProvider> {
    const server = createServer();
    const provider = new OidcTestProvider(
      server,
      options.clock,
      options.audience ?? 'kandas',
      options.clientId ?? 'kandas-console',
    );
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      provider.handle(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    provider.user = options.user;
    await provider.rotateKey();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    provider.issuerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return provider;
  }

  get issuer(): string {
    return this.issuerUrl;
  }

  get currentKey(): ProviderKey {
    return this.keys[this.keys.length - 1]!;
  }

  /** A key pair with its own kid, not published: what an attacker or another provider signs with. */
  static async foreignKey(kid = `foreign-${randomBytes(4).toString('hex')}`): Promise<ProviderKey> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
  }

  /** Publishes a new key (keeping the older ones listed unless `dropOlder`) and signs with it from now on; returns its kid. */
  async rotateKey(options: { dropOlder?: boolean } = {}): Promise<string> {
    const key = await OidcTestProvider.foreignKey(`key-${this.keys.length + 1}`);
    if (options.dropOlder) this.keys.length = 0;
    this.keys.push(key);
    return key.kid;
  }

  /** A token of this provider: `iss`, `aud` (the audience), `iat` and `exp` by the clock, then `claims` over them. */
  async mint(claims: Readonly<Record<string, unknown>>, options: MintOptions = {}): Promise<string> {
    const key = options.key ?? this.currentKey;
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({
      iss: this.issuer,
      aud: this.audience,
      iat,
      exp: iat + (options.ttlSeconds ?? 300),
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .sign(key.privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.issuer);
    // The console calls the token endpoint from its own origin, and a browser asks first.
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Headers': 'content-type',
        'Access-Control-Allow-Methods': 'GET, POST',
      });
      return void response.end();
    }
    switch (`${request.method} ${url.pathname}`) {
      case 'GET /.well-known/openid-configuration':
        this.requests.discovery += 1;
        return this.unavailable ? this.down(response) : json(response, 200, this.discoveryDocument());
      case 'GET /jwks':
        this.requests.jwks += 1;
        return this.unavailable ? this.down(response) : json(response, 200, { keys: this.keys.map((key) => key.jwk) });
      case 'GET /authorize':
        this.requests.authorize += 1;
        return this.authorize(url, response);
      case 'POST /token':
        this.requests.token += 1;
        return this.token(new URLSearchParams(await bodyOf(request)), response);
      case 'GET /logout': {
        const back = url.searchParams.get('post_logout_redirect_uri');
        return void (back ? response.writeHead(302, { Location: back }).end() : response.writeHead(200).end());
      }
      default:
        return json(response, 404, { error: 'not_found' });
    }
  }

  private discoveryDocument() {
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.issuer}/authorize`,
      token_endpoint: `${this.issuer}/token`,
      end_session_endpoint: `${this.issuer}/logout`,
      jwks_uri: `${this.issuer}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code'],
      token_endpoint_auth_methods_supported: ['none'],
    };
  }

  private down(response: ServerResponse): void {
    json(response, 503, { error: 'temporarily_unavailable' });
  }

  /** Signs the configured user in at once: a code bound to the client, the redirect and the PKCE challenge. */
  private authorize(url: URL, response: ServerResponse): void {
    const param = (name: string) => url.searchParams.get(name) ?? undefined;
    const redirectUri = param('redirect_uri');
    const clientId = param('client_id');
    if (clientId !== this.clientId || !redirectUri)
      return json(response, 400, { error: 'invalid_request', error_description: 'unknown client or no redirect_uri' });
    const back = new URL(redirectUri);
    const state = param('state');
    if (state !== undefined) back.searchParams.set('state', state);
    const challenge = param('code_challenge');
    if (param('response_type') !== 'code' || param('code_challenge_method') !== 'S256' || !challenge) {
      back.searchParams.set('error', 'invalid_request');
      back.searchParams.set('error_description', 'response_type=code with an S256 code_challenge is required');
    } else if (!this.user) {
      back.searchParams.set('error', 'login_required');
    } else {
      const code = randomBytes(16).toString('base64url');
      const nonce = param('nonce');
      this.codes.set(code, {
        clientId,
        redirectUri,
        challenge,
        user: this.user,
        scope: param('scope') ?? 'openid',
        ...(nonce ? { nonce } : {}),
      });
      back.searchParams.set('code', code);
    }
    response.writeHead(302, { Location: back.toString() }).end();
  }

  /** The code, once, for the client and redirect it was issued to, and only with the verifier of its challenge. */
  private async token(form: URLSearchParams, response: ServerResponse): Promise<void> {
    const code = form.get('code') ?? '';
    const pending = this.codes.get(code);
    this.codes.delete(code);
    const invalid = (description: string) =>
      json(response, 400, { error: 'invalid_grant', error_description: description });
    if (form.get('grant_type') !== 'authorization_code')
      return json(response, 400, { error: 'unsupported_grant_type' });
    if (!pending) return invalid('unknown or used code');
    if (form.get('client_id') !== pending.clientId || form.get('redirect_uri') !== pending.redirectUri)
      return invalid('client_id or redirect_uri differ from the authorization request');
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge)
      return invalid('code_verifier does not match the code_challenge (S256)');
    const { sub, claims = {} } = pending.user;
    const nonce = pending.nonce ? { nonce: pending.nonce } : {};
    json(response, 200, {
      access_token: await this.mint({ sub, scope: pending.scope, ...claims }),
      id_token: await this.mint({ sub, aud: pending.clientId, ...nonce, ...claims }),
      token_type: 'Bearer',
      expires_in: 300,
      scope: pending.scope,
    });
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response
    .writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
    .end(JSON.stringify(body));
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
