import { json } from 'express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { jsonBodiesOnly, utf8BodiesOnly } from './http/json-bodies';
import { buildOpenApiDocument, OPENAPI_JSON_PATH } from './http/openapi/openapi-document';
import { securityHeadersWith } from './http/security-headers';
import { consoleDirectory } from './console/console-directory';
import { serveConsole } from './console/serve-console';
import { RUNTIME_CONFIG } from '@libs/workflow';
import type { RuntimeConfig } from '@infra/config/runtime-config';

export const BODY_LIMIT = '256kb';

/** What every instance of the HTTP app needs, in `main.ts` and in the e2e tests alike; returns the API's document. */
export function configureHttp(app: NestExpressApplication): OpenAPIObject {
  // In this order: the type and charset are checked before a byte is read, the bytes before they are
  // decoded. express.json is the parser `useBodyParser('json')` installs, which only hides `verify`.
  app.use(jsonBodiesOnly);
  app.use(json({ limit: BODY_LIMIT, verify: utf8BodiesOnly }));
  app.disable('x-powered-by');
  // Express would tag every JSON answer with a hash of its body; the one ETag the API gives is the
  // stream revision of GET /applications/:id, which If-Match takes back — no second kind to confuse.
  app.set('etag', false);
  const config = app.get<RuntimeConfig>(RUNTIME_CONFIG);
  // The console may talk to the identity provider officers sign in at (ADR 30, 31), and to nothing else.
  app.use(securityHeadersWith(config.signIn.oidc?.issuer));
  serveConsole(app, consoleDirectory(config.consoleDir));
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
  return document;
}
