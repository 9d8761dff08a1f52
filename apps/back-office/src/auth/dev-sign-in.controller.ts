import { Body, Controller, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import { mintToken } from '@libs/auth';
import type { JwtSettings } from '@libs/auth';
import { JWT_SETTINGS } from './auth.tokens';
import { AUTH_RESPONSES } from './auth-responses';
import { DevSignInDto } from './dev-sign-in.dto';
import { Public } from './roles';
import { problemContent } from '../http/openapi/problem.schema';

/** A signed-in session of the console lasts a working day. */
export const DEV_SIGN_IN_TTL_SECONDS = 8 * 3600;

/**
 * The development sign-in (ADR 31): a developer picks a role and a user id and gets a service token,
 * as `npm run cli -- token` would mint. Registered only when `KANDAS_DEV_SIGN_IN` allows it, which
 * production never does (the start is refused): there the route does not exist and answers 404.
 */
@ApiTags('sign-in')
@Controller('auth')
export class DevSignInController {
  constructor(
    @Inject(JWT_SETTINGS) private readonly settings: JwtSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('dev-sign-in')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Outside production only: sign in as any role and user id, for 8 hours, without a password (absent — 404 — in production or with KANDAS_DEV_SIGN_IN=off)',
  })
  @ApiBody({ type: DevSignInDto })
  @ApiOkResponse({ schema: AUTH_RESPONSES.devSignIn })
  @ApiResponse({
    status: 429,
    description:
      'Too many sign-ins from this address (the limits of KANDAS_COMMAND_RATE_LIMITS; Retry-After says when)',
    content: problemContent(),
  })
  signIn(@Body() body: DevSignInDto) {
    const now = this.clock.now();
    const actor = { id: body.userId, role: body.role };
    return {
      token: mintToken(this.settings, actor, now, DEV_SIGN_IN_TTL_SECONDS),
      // As the token's `exp`: whole seconds from the sign-in.
      expiresAt: new Date((Math.floor(now.getTime() / 1000) + DEV_SIGN_IN_TTL_SECONDS) * 1000).toISOString(),
      actor,
    };
  }
}
