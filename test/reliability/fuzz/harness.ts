import type { Response } from 'supertest';
import { E2eApp } from '../../e2e/support/e2e-app';
import { openQuota, submissionBody, submitAndSign } from '../../e2e/support/journeys';
import { UNKNOWN_ID, withRawBytes } from '../../e2e/support/problems';
import { Endpoint, REVIEWER, Target } from './endpoints';
import { fieldName, Path } from './json';

/** express' JSON body limit (bootstrap.ts: 256kb), in bytes. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface Sent {
  /** Defaults to the endpoint's path on its target. */
  readonly path?: string;
  /** JSON text (or raw bytes); nothing is sent when undefined. */
  readonly body?: string | Buffer;
  readonly contentType?: string;
}

/** What a refusal must look like, beyond "a 4xx problem that appended nothing". */
export interface Expected {
  readonly status?: number | readonly number[];
  readonly code?: string;
  /** The field errors must name this field, or one inside it (`exact`: this very name). */
  readonly field?: { readonly path: Path; readonly exact?: boolean };
}

/**
 * The back office on SQLite files, with an application in each state a command is aimed at, and
 * the counters of what the fuzzer sent and what came back.
 */
export class Fuzzer {
  readonly requests = {
    total: 0,
    byEndpoint: {} as Record<string, number>,
    statusesSeen: {} as Record<string, number>,
    codesSeen: {} as Record<string, number>,
  };
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly e: E2eApp,
    readonly targets: Readonly<Record<Target, string>>,
  ) {}

  static async start(): Promise<Fuzzer> {
    const e = await E2eApp.start({ env: { KANDAS_COMMAND_RATE_LIMITS: 'off' } });
    await openQuota(e);
    const portal = e.as('portal', 'egov');
    const submitted = (await portal.post('/applications', submissionBody()).expect(201)).body.applicationId as string;
    const signed = await submitAndSign(e);
    const underReview = await submitAndSign(e);
    await e.as('reviewer', REVIEWER).post(`/applications/${underReview}/review/start`).expect(200);
    await e.settle();
    return new Fuzzer(e, {
      none: '',
      submitted,
      signed,
      'under-review': underReview,
      quota: '',
      'dead-letter': UNKNOWN_ID,
      'parked-notice': UNKNOWN_ID,
    });
  }

  pathOf(endpoint: Endpoint): string {
    return endpoint.path(this.targets[endpoint.target]);
  }

  private token(endpoint: Endpoint): string {
    const key = `${endpoint.role}:${endpoint.actorId ?? ''}`;
    if (!this.tokens.has(key)) this.tokens.set(key, this.e.token(endpoint.role, endpoint.actorId));
    return this.tokens.get(key)!;
  }

  /** Sends one request as an allowed role, and counts it. */
  async send(endpoint: Endpoint, sent: Sent): Promise<Response> {
    let request = this.e.http
      .post(sent.path ?? this.pathOf(endpoint))
      .set('Authorization', `Bearer ${this.token(endpoint)}`);
    if (sent.contentType !== undefined) request = request.set('Content-Type', sent.contentType);
    const response = await (sent.body === undefined
      ? request
      : typeof sent.body === 'string'
        ? request.send(sent.body)
        : withRawBytes(request, sent.body));
    const { requests } = this;
    requests.total += 1;
    requests.byEndpoint[endpoint.route] = (requests.byEndpoint[endpoint.route] ?? 0) + 1;
    requests.statusesSeen[response.status] = (requests.statusesSeen[response.status] ?? 0) + 1;
    const code = typeof response.body?.code === 'string' ? (response.body.code as string) : `HTTP ${response.status}`;
    requests.codesSeen[code] = (requests.codesSeen[code] ?? 0) + 1;
    return response;
  }

  /**
   * Sends a request that must be refused: a 4xx other than 401/403 (the role is allowed), as RFC 9457
   * problem details whose `status` is the HTTP status, and the store's head where it was.
   */
  async refused(endpoint: Endpoint, sent: Sent, expected: Expected = {}): Promise<Response> {
    await this.e.settle();
    const before = await this.e.head();
    const response = await this.send(endpoint, sent);
    await this.e.settle();
    const after = await this.e.head();
    const summary = `${endpoint.route} → ${response.status} ${response.text?.slice(0, 400)}`;
    const fail = (why: string): never => {
      throw new Error(`${why}\n  answer: ${summary}`);
    };
    if (response.status < 400 || response.status >= 500) fail('expected a 4xx refusal');
    if (response.status === 401 || response.status === 403) fail('the fuzzer’s role should be allowed on this route');
    if (after !== before) fail(`the refused request appended: head ${before} → ${after}`);
    if (!/^application\/problem\+json/.test(response.headers['content-type'] ?? ''))
      fail(`Content-Type is ${response.headers['content-type']}, not application/problem+json`);
    const problem = response.body as {
      type?: unknown;
      title?: unknown;
      status?: unknown;
      code?: unknown;
      errors?: Array<{ field?: unknown; reason?: unknown }>;
    };
    if (typeof problem.type !== 'string' || !problem.type.startsWith('urn:kandas:problem:'))
      fail('the problem has no type');
    if (typeof problem.title !== 'string' || problem.title === '') fail('the problem has no title');
    if (problem.status !== response.status) fail('the problem’s status is not the HTTP status');
    if (typeof problem.code !== 'string') fail('the problem has no code');
    if (problem.errors !== undefined) {
      if (!Array.isArray(problem.errors)) fail('errors is not a list');
      for (const error of problem.errors)
        if (typeof error.field !== 'string' || typeof error.reason !== 'string')
          fail('a field error without field or reason');
    }
    const statuses =
      expected.status === undefined
        ? undefined
        : typeof expected.status === 'number'
          ? [expected.status]
          : expected.status;
    if (statuses && !statuses.includes(response.status)) fail(`expected ${statuses.join(' or ')}`);
    if (expected.code !== undefined && problem.code !== expected.code) fail(`expected the code ${expected.code}`);
    if (expected.field) {
      const wanted = fieldName(expected.field.path);
      const named = (problem.errors ?? []).map((error) => error.field as string);
      const ok = expected.field.exact ? named.includes(wanted) : named.some((field) => related(field, wanted));
      if (!ok) fail(`the field errors should name ${JSON.stringify(wanted)}, they name ${JSON.stringify(named)}`);
    }
    return response;
  }

  close(): Promise<void> {
    return this.e.close();
  }
}

/** One field is the other, or inside it: `applicant.name` and `applicant.name.lastName`. */
export function related(a: string, b: string): boolean {
  const inside = (x: string, y: string) => x === y || x.startsWith(`${y}.`) || x.startsWith(`${y}[`);
  return inside(a, b) || inside(b, a);
}
