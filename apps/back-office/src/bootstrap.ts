import { INestApplication } from '@nestjs/common';
import { json } from 'express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { jsonBodiesOnly, utf8BodiesOnly } from './http/json-bodies';
import securityHeaders from './http/security-headers';

export const BODY_LIMIT = '256kb';

/** What every instance of the HTTP app needs, in `main.ts` and in the e2e tests alike. */
export function configureHttp(app: NestExpressApplication): INestApplication {
  // In this order: the type and charset are checked before a byte is read, the bytes before they are
  // decoded. express.json is the parser `useBodyParser('json')` installs, which only hides `verify`.
  app.use(jsonBodiesOnly);
  app.use(json({ limit: BODY_LIMIT, verify: utf8BodiesOnly }));
  app.disable('x-powered-by');
  // Express would tag every JSON answer with a hash of its body; the one ETag the API gives is the
  // stream revision of GET /applications/:id, which If-Match takes back — no second kind to confuse.
  app.set('etag', false);
  app.use(securityHeaders);
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kandas regional-quota back office')
      .setDescription(
        'Commands and queries of the public service «Inclusion in the regional quota for the admission of kandas and resettlers». ' +
          'Errors are RFC 9457 problem details; commands answer with the stream revision and the global position; ' +
          'send `Idempotency-Key` to retry safely, `If-Match` to refuse a concurrent change, `atLeast` on queries to read your writes.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
