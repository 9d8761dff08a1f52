import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import OpenAPIBackend from 'openapi-backend';
import type { Document } from 'openapi-backend';

const PROBLEM_CONTENT_TYPE = 'application/problem+json';

interface Answer {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

/**
 * Checks every answer the e2e suite receives against the service's own OpenAPI document, with a
 * well-kept validator (openapi-backend: it also validates the document itself on `init`): the
 * operation exists, the status is documented, the content type is the documented one, and the body
 * fits the documented schema. What does not conform is collected and fails the suite at `close`.
 */
export class OpenApiConformance {
  readonly violations: string[] = [];
  private readonly api: OpenAPIBackend;

  private constructor(document: OpenAPIObject) {
    this.api = new InMemoryDocumentBackend({ definition: validatable(document), strict: true, quick: true });
  }

  static async of(document: OpenAPIObject): Promise<OpenApiConformance> {
    const conformance = new OpenApiConformance(document);
    await conformance.api.init();
    // Quick mode skips the check of the document itself; it is made here, and throws if the document is not valid OpenAPI.
    conformance.api.validateDefinition();
    return conformance;
  }

  /** Express middleware that records each answer's status, content type and body once it is sent. */
  recorder() {
    return (request: Request, response: Response, next: NextFunction): void => {
      const chunks: Buffer[] = [];
      const write = response.write.bind(response) as (...args: unknown[]) => boolean;
      const end = response.end.bind(response) as (...args: unknown[]) => Response;
      const keep = (chunk: unknown) => {
        if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
        else if (Buffer.isBuffer(chunk)) chunks.push(chunk);
      };
      response.write = ((chunk: unknown, ...rest: unknown[]) => (
        keep(chunk),
        write(chunk, ...rest)
      )) as Response['write'];
      response.end = ((chunk?: unknown, ...rest: unknown[]) => (keep(chunk), end(chunk, ...rest))) as Response['end'];
      response.on('finish', () =>
        this.check({
          method: request.method,
          path: request.originalUrl,
          status: response.statusCode,
          contentType: String(response.getHeader('content-type') ?? ''),
          body: Buffer.concat(chunks),
        }),
      );
      next();
    };
  }

  check(answer: Answer): void {
    const url = new URL(answer.path, 'http://e2e');
    if (!url.pathname.startsWith('/') || url.pathname.startsWith('/docs')) return;
    const operation = this.api.matchOperation({ method: answer.method, path: url.pathname, headers: {} });
    const where = `${answer.method} ${url.pathname} → ${answer.status}`;
    if (!operation) {
      // A route the service does not have answers 404 by design; anything else must be an operation.
      if (answer.status !== 404) this.violations.push(`${where}: no operation in the document matches`);
      return;
    }
    const documented = operation.responses?.[String(answer.status)] as
      { content?: Record<string, unknown> } | undefined;
    if (!documented) return void this.violations.push(`${where}: status not documented`);
    const mediaType = answer.contentType.split(';')[0]!.trim();
    const contentTypes = Object.keys(documented.content ?? {});
    if (contentTypes.length === 0) {
      if (answer.body.length > 0 && answer.status !== 204)
        this.violations.push(`${where}: a body where none is documented`);
      return;
    }
    if (!contentTypes.includes(mediaType))
      return void this.violations.push(
        `${where}: content type ${mediaType || '(none)'}, documented ${contentTypes.join(', ')}`,
      );
    // JSON is application/json or a +json type (RFC 6839); JSON Lines (application/x-ndjson) is not one document.
    if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) return;
    const result = this.api.validateResponse(
      JSON.parse(answer.body.toString('utf8')) as unknown,
      operation,
      answer.status,
    );
    if (result.errors)
      this.violations.push(`${where}: body does not fit the schema: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }
}

/**
 * openapi-backend parses and dereferences a document with an ESM-only parser that it imports
 * dynamically, which jest's CommonJS runtime cannot do. Ours is already an object: it is taken as
 * parsed, and quick mode dereferences it synchronously (its own dereference-json-schema).
 */
class InMemoryDocumentBackend extends OpenAPIBackend {
  override loadDocument(): Promise<Document> {
    this.document = this.inputDocument as Document;
    return Promise.resolve(this.document);
  }
}

/**
 * openapi-backend validates bodies documented as `application/json` only; a problem body is
 * `application/problem+json`, so the copy it validates against also lists the problem schema as JSON.
 */
function validatable(document: OpenAPIObject): Document {
  // A copy through JSON, as /docs/openapi.json serves it: no schema object shared between two places
  // (structuredClone keeps sharing, and openapi-backend's decycle would turn a shared `properties` map into a `$ref`).
  const copy = JSON.parse(JSON.stringify(document)) as OpenAPIObject;
  for (const item of Object.values(copy.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      for (const response of Object.values(operation?.responses ?? {})) {
        const content = (response as { content?: Record<string, unknown> }).content;
        if (content?.[PROBLEM_CONTENT_TYPE] && !content['application/json'])
          content['application/json'] = content[PROBLEM_CONTENT_TYPE];
      }
    }
  }
  // The same OpenAPI 3 JSON, typed by two libraries that do not know each other's declarations.
  return copy as unknown as Document;
}
