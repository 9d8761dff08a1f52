import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiExtension, ApiHeader } from '@nestjs/swagger';
import { COMMAND_EXTENSION } from '../http/openapi/extensions';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { HttpProblem, problem } from '../http/problem';
import type { RequestMeta } from './command-gateway';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
const CORRELATION = /^[A-Za-z0-9_.:-]{1,128}$/;

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What `CommandRequest` reads, described on the operation it is used in (parameter decorators may add method metadata). */
const DOCUMENTED_AS_COMMAND = [
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retry key (8–128 of letters, digits, _ . : -): a retry with it answers like the first time and appends nothing',
  }),
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The revision last seen (`"3"`, as the ETag of the resource): a concurrent change is then a 409',
  }),
  ApiHeader({
    name: 'X-Correlation-Id',
    required: false,
    description:
      'Follows the request through the events and logs (1–128 of letters, digits, _ . : -); generated when absent',
  }),
  ApiExtension(COMMAND_EXTENSION, true),
].map((decorator) => (target: object, key: string | symbol | undefined) => {
  if (key === undefined) return;
  decorator(target, key, Object.getOwnPropertyDescriptor(target, key));
});

/** The command-relevant parts of the request: actor, Idempotency-Key, If-Match, X-Correlation-Id. */
export const CommandRequest = createParamDecorator((_: unknown, context: ExecutionContext): RequestMeta => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CommandRequest used on a public endpoint');
  const idempotencyKey = header(request, 'idempotency-key');
  if (idempotencyKey !== undefined && !KEY.test(idempotencyKey)) {
    throw new HttpProblem(
      problem(
        400,
        'REQUEST.INVALID_IDEMPOTENCY_KEY',
        'Invalid Idempotency-Key',
        'Idempotency-Key must be 8–128 characters of letters, digits, _ . : -',
        [{ field: 'Idempotency-Key', reason: 'malformed' }],
      ),
    );
  }
  const correlationId = header(request, 'x-correlation-id');
  if (correlationId !== undefined && !CORRELATION.test(correlationId)) {
    throw new HttpProblem(
      problem(
        400,
        'REQUEST.INVALID_CORRELATION_ID',
        'Invalid X-Correlation-Id',
        'X-Correlation-Id must be 1–128 characters of letters, digits, _ . : -',
      ),
    );
  }
  return {
    actor: request.actor,
    idempotencyKey,
    ifMatch: header(request, 'if-match'),
    correlationId,
    fingerprint: { method: request.method, path: request.path, body: (request.body as unknown) ?? null },
  };
}, DOCUMENTED_AS_COMMAND);
