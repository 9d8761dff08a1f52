/** An RFC 9457 problem the API answered, with the fields it names (`errors[].field`). */
export interface FieldError {
  readonly field: string;
  readonly reason?: string;
  readonly message?: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: readonly FieldError[],
  ) {
    super(detail ?? title);
  }

  static from(response: Response, body: unknown): ApiProblem {
    const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const errors = Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [];
    return new ApiProblem(
      response.status,
      typeof problem.code === 'string' ? problem.code : undefined,
      typeof problem.title === 'string' ? problem.title : response.statusText || `HTTP ${response.status}`,
      typeof problem.detail === 'string' ? problem.detail : undefined,
      errors,
    );
  }
}
