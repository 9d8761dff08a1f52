import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CommandResponseSchema } from './command-response.schema';
import { applyHttpConventions } from './http-conventions';
import { FieldErrorSchema, ProblemSchema } from './problem.schema';

/** Where the document is served (the README gives this address to client generators). */
export const OPENAPI_JSON_PATH = 'docs/openapi.json';

/** The OpenAPI document of the back office: the controllers' decorators, completed with the shared conventions. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kandas regional-quota back office')
      .setDescription(
        'Commands and queries of the public service «Inclusion in the regional quota for the admission of kandas and resettlers». ' +
          'Errors are RFC 9457 problem details (`application/problem+json`); commands answer with the stream revision, ' +
          'the global position and the correlation id; send `Idempotency-Key` to retry safely, `If-Match` to refuse a ' +
          'concurrent change, `X-Correlation-Id` to follow a request through the logs, and `atLeast` on queries to read your writes. ' +
          'Each operation lists the roles allowed to call it.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .build(),
    { extraModels: [ProblemSchema, FieldErrorSchema, CommandResponseSchema] },
  );
  applyHttpConventions(document, getSchemaPath(ProblemSchema), getSchemaPath(CommandResponseSchema));
  return document;
}
