import { INestApplication, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import securityHeaders from './http/security-headers';

export const BODY_LIMIT = '256kb';

/**
 * A command's body is JSON. A body of another type is not parsed, so a command that takes none ran
 * as if it had none (a text/plain body to /review/start started the review): it is refused with 415.
 */
function jsonBodiesOnly(request: Request, _response: Response, next: NextFunction): void {
  const length = request.headers['content-length'];
  const hasBody = request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (request.method === 'POST' && hasBody && !request.is('application/json'))
    return next(new UnsupportedMediaTypeException('The request body must be application/json'));
  // A body in another charset would be decoded and run, out of sight of a gateway that inspects UTF-8.
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (request.method === 'POST' && hasBody && charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return next(new UnsupportedMediaTypeException('The request body must be UTF-8 (charset=utf-8)'));
  }
  next();
}

/** What every instance of the HTTP app needs, in `main.ts` and in the e2e tests alike. */
export function configureHttp(app: NestExpressApplication): INestApplication {
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(jsonBodiesOnly);
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
