/** One field at fault, as RFC 9457 extensions commonly list them. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/** RFC 9457 problem details, sent as `application/problem+json`. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** Our stable code (`APPLICATION.ALREADY_SIGNED`, `REQUEST.INVALID`, …). */
  readonly code: string;
  readonly errors?: readonly FieldError[];
  /** The other application a person is on, with the person's role there: in officers' answers only. */
  readonly otherApplication?: { readonly applicationId: string; readonly role: string };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  status: number,
  code: string,
  title: string,
  detail?: string,
  errors?: readonly FieldError[],
): Problem {
  return {
    type: `urn:kandas:problem:${code.toLowerCase()}`,
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** An HTTP-level refusal raised by our own code (auth, idempotency, read-your-writes…). */
export class HttpProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(problem.detail ?? problem.title);
  }
}
