import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem';
import { COMMAND_EXTENSION, PUBLIC_EXTENSION, ROLES_EXTENSION } from './extensions';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every problem an operation can answer, by what makes it possible (the problem-details filter sends them). */
const PROBLEMS = {
  400: 'Invalid request: a malformed field, parameter, header or body, or an unknown one (`errors` names each)',
  401: 'No valid bearer token',
  403: 'The role of the token may not call this operation (AUTH.FORBIDDEN), or a token of the identity provider names no role of this service (AUTH.NO_KNOWN_ROLE)',
  404: 'No such resource',
  409: 'A concurrent change (the If-Match revision is stale) or a retry that conflicts with what was stored',
  413: 'The body is larger than the limit',
  415: 'The body is not JSON in UTF-8',
  422: 'The command breaks a rule of the service (`code` says which; `errors` name the fields)',
  429: 'The actor exceeded the command rate of its role (Retry-After says when to retry)',
  500: 'An unexpected fault, logged; nothing is known to be recorded (retry with the same Idempotency-Key)',
  503: 'The store or a read model cannot answer now, or the identity provider cannot be reached to check the token (AUTH.PROVIDER_UNAVAILABLE); nothing was recorded (Retry-After says when to retry)',
} as const;
type ProblemStatus = keyof typeof PROBLEMS;

/**
 * Adds to the document what every operation shares, so a client generator sees it and no controller
 * repeats it: the roles allowed (from `@Roles`), the bearer requirement, the problem responses each
 * kind of operation can give, and the command answer of every command.
 */
export function applyHttpConventions(
  document: OpenAPIObject,
  problemSchemaRef: string,
  commandSchemaRef: string,
): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) describe(operation, method, path, problemSchemaRef, commandSchemaRef);
    }
  }
}

/** An extension our decorators set (`x-…` keys are free in OpenAPI, so the library's type does not name them). */
const extensionOf = (operation: OperationObject, key: string): unknown => Reflect.get(operation, key) as unknown;

function describe(
  operation: OperationObject,
  method: string,
  path: string,
  problemRef: string,
  commandRef: string,
): void {
  const isPublic = extensionOf(operation, PUBLIC_EXTENSION) === true;
  const roles = extensionOf(operation, ROLES_EXTENSION) as readonly string[] | undefined;
  if (roles)
    operation.description = [operation.description, `**Roles:** ${roles.join(', ')}.`].filter(Boolean).join('\n\n');
  operation.security = isPublic ? [] : [{ bearer: [] }];

  const isCommand = extensionOf(operation, COMMAND_EXTENSION) === true;
  if (isCommand) answerWith(operation, commandRef);

  const statuses: ProblemStatus[] = [400, 500, 503];
  if (!isPublic) statuses.push(401, 403);
  if (path.includes('{')) statuses.push(404);
  if (method === 'post') statuses.push(413, 415);
  if (isCommand) statuses.push(409, 422, 429);
  for (const status of statuses) {
    operation.responses[status] ??= {
      description: PROBLEMS[status],
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: problemRef } } },
    };
  }
}

/** A command's success answer is the command gateway's, whatever status the route answers with. */
function answerWith(operation: OperationObject, commandRef: string): void {
  const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
  for (const [, response] of success) {
    const described = response as ResponseObject;
    described.content ??= { 'application/json': { schema: { $ref: commandRef } } };
  }
}
