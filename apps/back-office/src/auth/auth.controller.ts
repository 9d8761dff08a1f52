import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdentityProviderUnavailableError, OIDC_ROLES, ROLES, seesPersonalDataInClear } from '@libs/auth';
import type { OidcVerifier, ProviderMetadata } from '@libs/auth';
import type { SignInConfig } from '@infra/config/runtime-config';
import { providerUnavailable } from './auth-problems';
import { OIDC_VERIFIER, SIGN_IN_CONFIG } from './auth.tokens';
import { CurrentActor } from './current-actor.decorator';
import { AUTH_RESPONSES } from './auth-responses';
import { Public, Roles } from './roles';
import type { AuthenticatedActor } from './roles';

/** What the console needs to sign in, and who the signed-in caller is (ADR 31). */
@ApiTags('sign-in')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(SIGN_IN_CONFIG) private readonly signIn: SignInConfig,
    @Inject(OIDC_VERIFIER) private readonly provider: OidcVerifier | null,
  ) {}

  @Get('config')
  @Public()
  @ApiOperation({
    summary:
      'How to sign in here: `oidc` (the identity provider, its endpoints from its discovery document, the console’s client id and scopes; authorization code with PKCE), `development` (POST /auth/dev-sign-in, never in production) or `none` (service tokens only)',
  })
  @ApiOkResponse({ schema: AUTH_RESPONSES.config })
  async config() {
    const { oidc, devSignIn } = this.signIn;
    const roles = devSignIn ? [...ROLES] : oidc ? [...OIDC_ROLES] : [];
    if (!oidc || !this.provider) return { mode: devSignIn ? 'development' : 'none', devSignIn, roles };
    let metadata: ProviderMetadata;
    try {
      metadata = await this.provider.discovery.metadata();
    } catch (error) {
      if (error instanceof IdentityProviderUnavailableError)
        throw providerUnavailable(error, 'The provider’s endpoints are not known yet');
      throw error;
    }
    return {
      mode: 'oidc',
      devSignIn,
      issuer: oidc.issuer,
      ...(oidc.clientId ? { clientId: oidc.clientId } : {}),
      scopes: oidc.scopes,
      ...endpoints(metadata),
      roles,
    };
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiBearerAuth()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Who the token names: user id, role, and whether this role reads personal data in clear' })
  @ApiOkResponse({ schema: AUTH_RESPONSES.me })
  me(@CurrentActor() actor: AuthenticatedActor) {
    return { id: actor.id, role: actor.role, seesPersonalDataInClear: seesPersonalDataInClear(actor) };
  }
}

function endpoints(metadata: ProviderMetadata) {
  const { authorizationEndpoint, tokenEndpoint, endSessionEndpoint } = metadata;
  return {
    ...(authorizationEndpoint ? { authorizationEndpoint } : {}),
    ...(tokenEndpoint ? { tokenEndpoint } : {}),
    ...(endSessionEndpoint ? { endSessionEndpoint } : {}),
  };
}
