import { IdentityProviderUnavailableError } from './token-errors';

/** What the service and the console need of the provider's discovery document (OpenID Connect Discovery 1.0). */
export interface ProviderMetadata {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly authorizationEndpoint?: string;
  readonly tokenEndpoint?: string;
  readonly endSessionEndpoint?: string;
}

export interface HttpFetchOptions {
  /** The platform's `fetch` unless a test gives another. */
  readonly fetch?: typeof fetch;
  /** How long one request to the provider may take (default 5 s, as jose's key set fetch). */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * `<issuer>/.well-known/openid-configuration`, fetched once, lazily (the service starts without the
 * provider), then kept: it names the provider's endpoints, which change with a new deployment of the
 * provider and a restart of this service, not on their own. A failed fetch is not kept — the next
 * request tries again — and concurrent requests share one fetch.
 */
export class OidcDiscovery {
  private known: ProviderMetadata | undefined;
  private pending: Promise<ProviderMetadata> | undefined;

  constructor(
    readonly issuer: string,
    private readonly options: HttpFetchOptions = {},
  ) {}

  get url(): string {
    return `${this.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  }

  metadata(): Promise<ProviderMetadata> {
    if (this.known) return Promise.resolve(this.known);
    this.pending ??= this.load()
      .then((metadata) => (this.known = metadata))
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async load(): Promise<ProviderMetadata> {
    const body = await fetchJson(this.url, this.options);
    const document = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    // Discovery §4.3: the document's issuer is the one configured, character for character.
    if (document.issuer !== this.issuer)
      throw new IdentityProviderUnavailableError(
        `the discovery document at ${this.url} names the issuer ${JSON.stringify(document.issuer)}, not ${this.issuer}`,
      );
    const endpoint = (name: string, required: boolean): string | undefined => {
      const value = document[name];
      if (value === undefined && !required) return undefined;
      if (typeof value !== 'string' || !isHttpUrl(value))
        throw new IdentityProviderUnavailableError(`the discovery document at ${this.url} has no http(s) ${name}`);
      return value;
    };
    const optional = (key: keyof ProviderMetadata, name: string) => {
      const value = endpoint(name, false);
      return value === undefined ? {} : { [key]: value };
    };
    return {
      issuer: this.issuer,
      jwksUri: endpoint('jwks_uri', true)!,
      ...optional('authorizationEndpoint', 'authorization_endpoint'),
      ...optional('tokenEndpoint', 'token_endpoint'),
      ...optional('endSessionEndpoint', 'end_session_endpoint'),
    };
  }
}

/** GET a JSON document of the provider; anything but a 200 with JSON is the provider unavailable. */
async function fetchJson(url: string, options: HttpFetchOptions): Promise<unknown> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    throw new IdentityProviderUnavailableError(`${url} cannot be reached: ${networkReason(error)}`);
  }
  if (response.status !== 200) throw new IdentityProviderUnavailableError(`${url} answered ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new IdentityProviderUnavailableError(`${url} did not answer JSON`);
  }
}

/** Why a request to the provider failed, in words: `ECONNREFUSED`, `no answer within 5000 ms`, … */
export function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError' || error.name === 'JWKSTimeout') return 'no answer in time';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof cause?.message === 'string' ? cause.message : error.message;
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
