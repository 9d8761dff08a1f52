import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, OPENAPI_JSON_PATH } from './http/openapi/openapi-document';
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

/** What every instance of the HTTP app needs, in `main.ts` and in the e2e tests alike; returns the API's document. */
export function configureHttp(app: NestExpressApplication): OpenAPIObject {
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(jsonBodiesOnly);
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
  return document;
}
