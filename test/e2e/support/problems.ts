import type { Response, Test } from 'supertest';
import type { RecordedEvent } from '@libs/event-sourcing';
import type { Role } from '@libs/auth';
import { E2eApp } from './e2e-app';

/** An RFC 9457 answer: the status, `application/problem+json`, a stable code and a title. */
export function expectProblem(response: Response, status: number, code?: string | RegExp): void {
  const summary = `${response.status} ${response.text?.slice(0, 300)}`;
  expect({ status: response.status, summary }).toEqual({ status, summary });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    status,
    code: expect.any(String),
    title: expect.any(String),
    type: expect.stringMatching(/^urn:kandas:problem:/),
  });
  if (code !== undefined)
    expect(response.body.code).toMatch(typeof code === 'string' ? new RegExp(`^${code.replace(/\./g, '\\.')}$`) : code);
}

/** A 400 that names each field at fault in `errors[].field`. */
export function expectFieldErrors(
  response: Response,
  fields: readonly string[],
  status = 400,
  code = 'REQUEST.INVALID',
): void {
  expectProblem(response, status, code);
  const named = (response.body.errors as Array<{ field: string; reason: string }>).map((error) => error.field);
  expect(named).toEqual(expect.arrayContaining([...fields]));
  for (const error of response.body.errors)
    expect(error).toEqual({ field: expect.any(String), reason: expect.any(String) });
}

/**
 * Runs a request that must be refused, and checks that the store's head did not move: the saga is
 * let settle before and after, so only the request itself could have appended.
 */
export async function appendsNothing(e: E2eApp, request: () => PromiseLike<Response>): Promise<Response> {
  await e.settle();
  const before = await e.head();
  const response = await request();
  await e.settle();
  expect(await e.head()).toBe(before);
  return response;
}

/** A raw body (malformed JSON, text) sent as JSON, with a token of the role. */
export function sendRaw(e: E2eApp, role: Role, path: string, text: string, contentType = 'application/json') {
  return e.http
    .post(path)
    .set('Authorization', `Bearer ${e.token(role)}`)
    .set('Content-Type', contentType)
    .send(text);
}

export async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

export async function eventsOfType(e: E2eApp, type: string, streamId?: string): Promise<RecordedEvent[]> {
  const events = await collect(
    e.store.readAll({ filter: { eventTypes: [type], ...(streamId ? { streamPrefixes: [streamId] } : {}) } }),
  );
  return streamId ? events.filter((event) => event.streamId === streamId) : events;
}

/** A well-formed UUID no application or event carries. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Sends `bytes` as they are. Under a JSON Content-Type superagent serializes a Buffer as JSON
 * (`{"type":"Buffer","data":[…]}`), so its serializer is replaced by one that hands the bytes on:
 * superagent writes whatever the serializer returns, though its type says a string.
 */
export function withRawBytes(test: Test, bytes: Buffer): Test {
  return test.serialize(() => bytes as unknown as string).send(bytes);
}
