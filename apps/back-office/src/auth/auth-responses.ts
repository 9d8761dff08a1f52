import type { SchemaObject } from '@nestjs/swagger';
import { ROLES } from '@libs/auth';
import { arrayOf, bool, object, oneOf, text } from '../http/openapi/json-schema';

const role = oneOf(...ROLES);
const url = (description: string): SchemaObject => text(`${description}: an absolute URL`);

/** The answers of `/auth/*` (ADR 31). */
export const AUTH_RESPONSES = {
  config: object(
    {
      mode: oneOf('oidc', 'development', 'none'),
      devSignIn: { ...bool, description: 'POST /auth/dev-sign-in exists (never in production)' },
      issuer: url('The identity provider (mode oidc)'),
      clientId: text('The console’s public client id at the provider (PKCE, no secret)'),
      scopes: text('The scopes to ask for, separated by spaces'),
      authorizationEndpoint: url('From the provider’s discovery document'),
      tokenEndpoint: url('From the provider’s discovery document'),
      endSessionEndpoint: url('From the provider’s discovery document, when it has one'),
      roles: arrayOf(role),
    },
    ['issuer', 'clientId', 'scopes', 'authorizationEndpoint', 'tokenEndpoint', 'endSessionEndpoint'],
  ),
  me: object({
    id: text('The user id the token names; every event you cause records it as its actor'),
    role,
    seesPersonalDataInClear: {
      ...bool,
      description: 'Reviewers and supervisors read names, IINs and contacts in clear; every other role masked (ADR 26)',
    },
  }),
  devSignIn: object({
    token: text('A bearer token of the service (HS256), for `Authorization: Bearer …`'),
    expiresAt: text('When it expires, ISO 8601 (8 hours after the sign-in, by the service clock)'),
    actor: object({ id: text(), role }),
  }),
} satisfies Record<string, SchemaObject>;
