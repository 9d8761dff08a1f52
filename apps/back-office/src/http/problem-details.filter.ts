import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { PersonError, PersonErrorCode } from '@domain/person';
import { DomainError } from '@domain/shared/errors';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { describeSqliteFault, isSqliteError } from '@infra/sqlite/sqlite-faults';
import type { StoreFault } from '@libs/event-sourcing';
import {
  AppendTooLargeError,
  DuplicateEventIdError,
  EventStoreUnavailableError,
  InvalidAppendError,
  InvalidReadError,
  WrongExpectedRevisionError,
} from '@libs/event-sourcing';
import { FieldError, HttpProblem, Problem, problem, PROBLEM_CONTENT_TYPE } from './problem';

/**
 * Every error leaves as RFC 9457 problem details, mapped here and nowhere else: a rule of the domain
 * is 422 with its stable code, a revision conflict 409, malformed input 400 with each field at fault,
 * a store that cannot answer 503; anything unexpected is 500 and logged (without the request body).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    const { body, headers } = this.toProblem(error, request);
    if (body.status === 503)
      this.logger.error(`${request.method} ${request.path} → 503 ${body.code}: ${(error as Error).message}`);
    else if (body.status >= 500)
      this.logger.error(
        `${request.method} ${request.path} → ${body.status} ${body.code}: ${(error as Error)?.stack ?? String(error)}`,
      );
    response
      .status(body.status)
      .set({ ...headers, 'Content-Type': PROBLEM_CONTENT_TYPE })
      .send(JSON.stringify({ ...body, instance: request.originalUrl }));
  }

  private toProblem(
    thrown: unknown,
    request: AuthenticatedRequest,
  ): { body: Problem; headers: Record<string, string> } {
    // Raised in Express middleware (body-parser's verify hook), it arrives wrapped by Nest's adapter.
    const error = thrown instanceof HttpException && thrown.cause instanceof HttpProblem ? thrown.cause : thrown;
    if (error instanceof HttpProblem) return { body: error.problem, headers: { ...error.headers } };
    if (error instanceof PersonError && PERSON_CONFLICTS.includes(error.code))
      return { body: personConflict(error, request), headers: {} };
    // The decider says NOT_SUBMITTED only of an application with no event at all: over HTTP that is an
    // id naming nothing, answered 404 like the endpoints that look the application up first.
    if (error instanceof DomainError && error.code === 'APPLICATION.NOT_SUBMITTED')
      return {
        body: problem(404, 'APPLICATION.NOT_FOUND', 'No such application', 'No application has this id'),
        headers: {},
      };
    if (error instanceof DomainError)
      return {
        // The domain's details (the attempts left with a one-time code) are extension members of the problem.
        body: {
          ...error.details,
          ...problem(422, error.code, 'The request breaks a rule of the service', error.message, error.violations),
        },
        headers: {},
      };
    if (error instanceof WrongExpectedRevisionError) {
      return {
        body: problem(
          409,
          error.code,
          'The application changed in the meantime',
          `${error.message}; reload it and decide again`,
        ),
        headers: {},
      };
    }
    if (error instanceof DuplicateEventIdError)
      return { body: problem(409, error.code, 'Conflicting retry', error.message), headers: {} };
    if (error instanceof AppendTooLargeError)
      return { body: problem(413, error.code, 'Too large to record at once', error.message), headers: {} };
    if (error instanceof InvalidAppendError || error instanceof InvalidReadError)
      return { body: problem(400, error.code, 'Invalid request', error.message), headers: {} };
    if (error instanceof EventStoreUnavailableError)
      return unavailable(error.code, 'The event store cannot answer', error.fault);
    if (isSqliteError(error))
      return unavailable(
        'READ_MODEL.UNAVAILABLE',
        'The read models cannot answer',
        describeSqliteFault(error, 'the read-model file').fault,
      );
    if (error instanceof HttpException) return { body: fromHttpException(error), headers: {} };
    return {
      body: problem(
        500,
        'SERVER.UNEXPECTED',
        'Unexpected error',
        'The error was logged; nothing half-done was recorded',
      ),
      headers: {},
    };
  }
}

/** A person already on another open application, or already included: a conflict with another record. */
const PERSON_CONFLICTS: readonly string[] = [PersonErrorCode.HasOpenApplication, PersonErrorCode.AlreadyIncluded];

/**
 * The other application is another family's file: officers see its id and the person's role there;
 * the portal (the applicant) learns only which of their own fields is at fault (ADR 16).
 */
function personConflict(error: PersonError, request: AuthenticatedRequest): Problem {
  const body = problem(409, error.code, 'A person of the application is not free', error.message, error.violations);
  const officer = request.actor !== undefined && request.actor.role !== 'portal';
  return officer && error.holding ? { ...body, otherApplication: error.holding } : body;
}

/** The fault in words an officer can act on; the file paths and SQLite's own words go to the log only. */
const FAULTS: Record<StoreFault, string> = {
  'disk-full': 'its disk is full',
  locked: 'its file is locked by another process',
  corrupt: 'its file is corrupted and must be restored by an operator',
  'read-only': 'its file cannot be written',
  io: 'its disk failed to read or write',
  closed: 'it is closed (the service is stopping)',
  unreachable: 'it cannot be reached',
};

function unavailable(
  code: string,
  title: string,
  fault: StoreFault,
): { body: Problem; headers: Record<string, string> } {
  const body = { ...problem(503, code, title, `Nothing was recorded: ${FAULTS[fault]}. Retry later.`), fault };
  return { body, headers: { 'Retry-After': '5' } };
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  const response = error.getResponse() as { message?: string | string[]; errors?: FieldError[] } | string;
  const errors = typeof response === 'object' && Array.isArray(response.errors) ? response.errors : undefined;
  const detail =
    typeof response === 'string'
      ? response
      : Array.isArray(response.message)
        ? undefined
        : String(response.message ?? error.message);
  const codes: Record<number, [string, string]> = {
    400: ['REQUEST.INVALID', 'Invalid request'],
    401: ['AUTH.UNAUTHENTICATED', 'Authentication required'],
    403: ['AUTH.FORBIDDEN', 'Not allowed for your role'],
    404: ['RESOURCE.NOT_FOUND', 'Not found'],
    413: ['REQUEST.TOO_LARGE', 'Request body too large'],
    415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type'],
    429: ['REQUEST.RATE_LIMITED', 'Too many requests'],
  };
  const [code, title] = codes[status] ?? [`HTTP.${status}`, error.name];
  return problem(status, code, title, detail, errors);
}
