import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseContentType } from 'content-type';
import type { NextFunction, Request, Response } from 'express';
import { HttpProblem, problem } from './problem';
import { firstUtf8Fault } from './utf8';

/**
 * Raised inside Express middleware (before Nest's pipes): its `status` survives http-errors, and
 * Nest's adapter hands it to the problem filter as the `cause` of an HttpException.
 */
export class RefusedBody extends HttpProblem {
  readonly status: number;

  constructor(status: number, code: string, title: string, detail: string, extension: Record<string, unknown> = {}) {
    super({ ...problem(status, code, title, detail), ...extension });
    this.status = status;
  }
}

const UTF8_ONLY = () =>
  new RefusedBody(
    415,
    'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    'Unsupported media type',
    'The request body must be UTF-8 (send charset=utf-8, or no charset)',
  );

/**
 * The charset the body declares, read by the same parser (`content-type`) body-parser reads it with,
 * so that what is checked here is what would be decoded; undefined when none is declared.
 */
function declaredCharset(request: Request): string | undefined {
  const header = request.headers['content-type'];
  return header ? parseContentType(header).parameters.charset?.toLowerCase() : undefined;
}

/**
 * Before any body is read: a command's body is JSON in UTF-8. A body of another type was not parsed,
 * so a command that takes none ran as if it had none (a text/plain body to /review/start started the
 * review); a body in another charset was decoded and run, out of sight of a gateway that inspects
 * UTF-8. Both are refused with 415. No charset on application/json means UTF-8 (RFC 8259 §8.1).
 */
export function jsonBodiesOnly(request: Request, _response: Response, next: NextFunction): void {
  const length = request.headers['content-length'];
  const hasBody = request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (request.method !== 'POST' || !hasBody) return next();
  if (!request.is('application/json'))
    return next(
      new RefusedBody(
        415,
        'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        'Unsupported media type',
        'The request body must be application/json',
      ),
    );
  const charset = declaredCharset(request);
  if (charset !== undefined && charset !== 'utf-8') return next(UTF8_ONLY());
  next();
}

/**
 * body-parser's `verify` hook: it sees the raw bytes before they are decoded (a decoder would quietly
 * turn a bad byte into U+FFFD, and the altered text would be stored). Ill-formed UTF-8 anywhere —
 * inside a JSON string too — is a 400 naming the byte offset. The charset is checked again here, as
 * the one body-parser is about to decode with, so no other charset can slip through a mismatch.
 */
export function utf8BodiesOnly(_request: IncomingMessage, _response: ServerResponse, body: Buffer, charset: string) {
  if (charset !== 'utf-8') throw UTF8_ONLY();
  const fault = firstUtf8Fault(body);
  if (fault) {
    throw new RefusedBody(
      400,
      'REQUEST.INVALID_UTF8',
      'Invalid UTF-8',
      `The request body is not valid UTF-8: ${fault.reason} at byte ${fault.offset}`,
      { offset: fault.offset, errors: [{ field: 'body', reason: `${fault.reason} at byte ${fault.offset}` }] },
    );
  }
}
