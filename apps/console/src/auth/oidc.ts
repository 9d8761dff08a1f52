import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scopes: string;
}

/** Authorization code with PKCE against the ministry's provider (oidc-client-ts keeps the state per tab). */
export function userManager(settings: OidcSettings): UserManager {
  return new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    redirect_uri: `${window.location.origin}/console/auth/callback`,
    post_logout_redirect_uri: `${window.location.origin}/console/sign-in`,
    response_type: 'code',
    scope: settings.scopes,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
  });
}
