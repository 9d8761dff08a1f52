import fc from 'fast-check';
import type { Response } from 'supertest';
import { formatName } from '@domain/shared/person-name';
import { isRegionCode } from '@domain/shared/region';
import type { ApplicationSubmission } from '@domain/application';
import { freshSubmissionBody, submissionBody } from '../e2e/support/journeys';
import { recordFigures } from './support/figures';
import { testSeed, withSeed } from './support/seed';
import * as A from './fuzz/arbitraries';
import { Endpoint, ENDPOINTS, Field, WITH_ID } from './fuzz/endpoints';
import { BODY_LIMIT_BYTES, Expected, Fuzzer, related } from './fuzz/harness';
import {
  clone,
  fieldName,
  fieldPattern,
  getAt,
  objectPathsOf,
  parsesAsJson,
  Path,
  pathsOf,
  RawJson,
  replaceAt,
  setOwn,
  toJson,
} from './fuzz/json';

/**
 * Property-based fuzzing of every command endpoint over real HTTP, on SQLite files (issue 8, point 3).
 * Each generated request must be refused with a 4xx problem (RFC 9457) that names the field at fault,
 * and must append nothing; valid names in every script the service admits must come back intact.
 * A failure prints the fast-check seed and path; `KANDAS_TEST_SEED=<seed>` replays the whole run
 * (`KANDAS_FUZZ_SCALE=<n>` multiplies the runs).
 * Only the SQLite jest project runs it: it lives outside test/e2e.
 */
const seed = testSeed();
/** Property runs, by property (shrinking runs included). */
const cases: Record<string, number> = {};
const startedAt = Date.now();
let fuzz: Fuzzer;

const JSON_TYPE = 'application/json';

async function check<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  numRuns: number,
  predicate: (value: T) => Promise<void>,
  examples: T[] = [],
): Promise<void> {
  cases[name] = cases[name] ?? 0;
  const property = fc.asyncProperty(arbitrary, async (value) => {
    cases[name]! += 1;
    await predicate(value);
  });
  await withSeed(`fuzz: ${name}`, seed, (s) =>
    fc.assert(property, { seed: s, numRuns, examples: examples.map((example) => [example] as [T]) }),
  );
}

function fieldOf(endpoint: Endpoint, path: Path): Field {
  const field = endpoint.fields?.[fieldPattern(path)];
  if (!field)
    throw new Error(
      `${endpoint.route}: the fuzzer does not know the kind of ${fieldPattern(path)}; add it to test/reliability/fuzz/endpoints.ts`,
    );
  return field;
}

/** The domain's refusals of a command's content (the others refuse it for the application's state). */
const CONTENT_REFUSALS = [
  'APPLICATION.INVALID_SUBMISSION',
  'APPLICATION.INVALID_COMMAND',
  'APPLICATION.INVALID_REVIEW',
  'APPLICATION.INVALID_REFUSAL',
  'APPLICATION.SIGNER_NOT_APPLICANT',
  'QUOTA.INVALID_COMMAND',
  'QUOTA.INVALID_CAPACITY',
];

/**
 * A 400 names the field at fault (or one inside it); a 422 refusing the content names it too, or,
 * when the fault shows in a field beside it (`category: resettler` → `applicant.resettler`), that one.
 */
function expectFieldNamed(response: Response, path: Path): void {
  const named = ((response.body.errors ?? []) as Array<{ field: string }>).map((error) => error.field);
  const wanted = fieldName(path);
  const parent = fieldName(path.slice(0, -1));
  if (response.status === 400) {
    if (!named.some((field) => related(field, wanted)))
      throw new Error(
        `a 400 should name ${JSON.stringify(wanted)}; it names ${JSON.stringify(named)}: ${response.text.slice(0, 400)}`,
      );
  } else if (
    response.status === 422 &&
    CONTENT_REFUSALS.includes(response.body.code) &&
    !named.some((field) => related(field, wanted) || (parent !== '' && related(field, parent)))
  ) {
    throw new Error(
      `a ${response.status} should name ${JSON.stringify(wanted)} (or a field beside it); it names ${JSON.stringify(named)}: ${response.text.slice(0, 400)}`,
    );
  }
}

/* --------------------------------- mutations --------------------------------- */

type Mutation =
  | { readonly op: 'replace'; readonly path: Path; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: Path }
  | { readonly op: 'add'; readonly path: Path; readonly key: string; readonly value: unknown }
  | { readonly op: 'body'; readonly value: unknown };

/** One change to a valid body that makes it certainly invalid. */
function mutationOf(endpoint: Endpoint): fc.Arbitrary<Mutation> {
  const add = (paths: Path[]) =>
    fc
      .tuple(fc.constantFrom(...paths), A.unknownKey, A.anyJson)
      .map(([path, key, value]): Mutation => ({ op: 'add', path, key, value }));
  const valid = endpoint.valid;
  if (!valid) {
    // A command that takes no body: any field is refused, and so is a list in place of the object.
    const lists = fc
      .oneof(fc.constant([]), fc.constant([{}]), fc.array(A.anyJson, { minLength: 1, maxLength: 3 }))
      .map((value): Mutation => ({ op: 'body', value }));
    return fc.oneof(add([[]]), lists);
  }
  const paths = pathsOf(valid);
  for (const path of paths) fieldOf(endpoint, path);
  const removable = paths.filter(
    (path) => typeof path[path.length - 1] === 'string' && !fieldOf(endpoint, path).optional,
  );
  const replace = fc.constantFrom(...paths).chain((path) =>
    A.hostileFor(fieldOf(endpoint, path), getAt(valid, path)).map((value): Mutation => ({
      op: 'replace',
      path,
      value,
    })),
  );
  return fc.oneof(
    { weight: 6, arbitrary: replace },
    { weight: 1, arbitrary: fc.constantFrom(...removable).map((path): Mutation => ({ op: 'remove', path })) },
    { weight: 2, arbitrary: add(objectPathsOf(valid)) },
  );
}

function apply(endpoint: Endpoint, mutation: Mutation): unknown {
  const valid = endpoint.valid ?? {};
  switch (mutation.op) {
    case 'replace':
      return replaceAt(valid, mutation.path, mutation.value);
    case 'remove':
      return replaceAt(valid, mutation.path, undefined, true);
    case 'add': {
      const body = clone(valid);
      setOwn(getAt(body, mutation.path) as Record<string, unknown>, mutation.key, mutation.value);
      return body;
    }
    case 'body':
      return mutation.value;
  }
}

/**
 * Runs per property, sized so that the whole spec stays well under a minute on 2 cores;
 * `KANDAS_FUZZ_SCALE=10` multiplies them for a longer hunt.
 */
const SCALE = Number(process.env.KANDAS_FUZZ_SCALE) > 0 ? Number(process.env.KANDAS_FUZZ_SCALE) : 1;
const runs = (n: number) => Math.ceil(n * SCALE);
const RUNS = {
  submission: runs(900),
  withBody: runs(200),
  noBody: runs(70),
  malformed: runs(100),
  big: runs(10),
  ids: runs(50),
  quotaPath: runs(200),
  names: runs(100),
};
const MUTATION_RUNS = (endpoint: Endpoint) =>
  endpoint.route === 'POST /applications' ? RUNS.submission : endpoint.valid ? RUNS.withBody : RUNS.noBody;

/* ------------------------------ malformed bodies ------------------------------ */

type Junk =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'unknown-fields'; readonly entries: ReadonlyArray<readonly [string, unknown]> }
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'ill-formed-utf8'; readonly bytes: Uint8Array }
  | { readonly kind: 'content-type'; readonly contentType: string; readonly text: string | null };

const NOT_JSON_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'text/html',
  'application/octet-stream',
  'application/vnd.api+json',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/jsonx',
  'text/json',
  'json',
  'image/png',
];
/** JSON declared in a charset other than UTF-8: refused with 415 before a byte is decoded. */
const JSON_WRONG_CHARSET = [
  'application/json; charset=latin1',
  'application/json; charset=iso-8859-1',
  'application/json; charset=windows-1251',
  'application/json; charset=utf-16',
  'application/json; charset=UTF-16BE',
  'application/json; charset=utf-32',
  'application/json; charset="utf-7"',
  'application/json; charset=koi8-r',
  'application/json; charset=utf8',
  'application/json; charset=nonsense',
];

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const wellFormed = (bytes: Uint8Array) => {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};
/** Where a body stops being UTF-8, by the platform's strict decoder: the length of its longest well-formed prefix. */
const firstBadByte = (bytes: Uint8Array) => {
  let length = bytes.length;
  while (length > 0 && !wellFormed(bytes.subarray(0, length))) length -= 1;
  return length;
};

/** Byte sequences that are not UTF-8, each a way a body goes wrong in practice. */
const illFormedSequence: fc.Arbitrary<number[]> = fc
  .oneof(
    // Overlong encodings: C0/C1 leads, E0 with 80..9F, F0 with 80..8F (an ASCII character spelled long).
    fc.tuple(fc.integer({ min: 0xc0, max: 0xc1 }), fc.integer({ min: 0x80, max: 0xbf })),
    fc.tuple(fc.constant(0xe0), fc.integer({ min: 0x80, max: 0x9f }), fc.integer({ min: 0x80, max: 0xbf })),
    fc.tuple(fc.constant(0xf0), fc.integer({ min: 0x80, max: 0x8f }), fc.constant(0x80), fc.constant(0x80)),
    // UTF-16 surrogates encoded as if they were characters (CESU-8, WTF-8).
    fc.tuple(fc.constant(0xed), fc.integer({ min: 0xa0, max: 0xbf }), fc.integer({ min: 0x80, max: 0xbf })),
    // Sequences cut short (the next byte is the string's own closing quote), lone continuations, F5..FF.
    fc.constantFrom([0xd0], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0x80], [0xbf, 0xbf], [0xf5, 0x80, 0x80, 0x80], [0xff]),
    // Above U+10FFFF.
    fc.tuple(fc.constant(0xf4), fc.integer({ min: 0x90, max: 0xbf }), fc.constant(0x80), fc.constant(0x80)),
    // Text in another charset sent as if UTF-8: Latin-1 accents, Windows-1251 Cyrillic.
    fc.constantFrom('Ekibastuz é', 'Öskemen', 'Şymkent').map((text) => [...Buffer.from(text, 'latin1')]),
    fc.constantFrom('Экибастуз', 'Павлодар', 'Ёлкин', 'Усть-Каменогорск').map((text) => [...windows1251(text)]),
  )
  .map((bytes) => [...bytes]);

/** Windows-1251 bytes of Russian text (А..я at C0..FF, Ё A8, ё B8; ASCII as itself). */
function windows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80) return code;
      if (char === 'Ё') return 0xa8;
      if (char === 'ё') return 0xb8;
      return code - 0x350;
    }),
  );
}

/**
 * A body that is valid JSON but for a few bytes inside one of its strings (or, for a command that
 * takes no body, inside an unknown field's string): the check must come before parsing, and see it.
 */
function illFormedInString(endpoint: Endpoint): fc.Arbitrary<Junk> {
  const MARK = 'FUZZ-MARK';
  const places = endpoint.valid ? placesOf(endpoint, true) : [['note']];
  return fc
    .tuple(fc.constantFrom(...places), fc.string({ maxLength: 6 }), illFormedSequence, fc.string({ maxLength: 6 }))
    .map(([path, before, bad, after]): Junk => {
      const [head, tail] = toJson(replaceAt(endpoint.valid ?? {}, path, MARK)).split(MARK) as [string, string];
      const json = (text: string) => JSON.stringify(text).slice(1, -1);
      const bytes = Buffer.concat([
        Buffer.from(head + json(before)),
        Buffer.from(bad),
        Buffer.from(json(after) + tail),
      ]);
      return { kind: 'ill-formed-utf8', bytes };
    })
    .filter((junk) => junk.kind === 'ill-formed-utf8' && !wellFormed(junk.bytes));
}
const notJson = (text: string) => text.replace(/^\uFEFF/, '').length > 0 && !parsesAsJson(text);

function junkOf(endpoint: Endpoint): fc.Arbitrary<Junk> {
  const validText = toJson(endpoint.valid ?? {});
  const nearJson = fc.oneof(
    fc.nat({ max: validText.length - 1 }).map((at) => validText.slice(0, at)),
    fc.constantFrom('x', ',', '}', ']', ' "', '//', '\u0000').map((tail) => validText + tail),
    fc.constantFrom(
      "{'reason': 'x'}",
      '{"a":1,}',
      '{a:1}',
      '{"a":NaN}',
      '{"a":undefined}',
      '{"a":0x10}',
      '{"a":.5}',
      '{"a":01}',
      '{"a":"\\x41"}',
      '/* c */ {}',
      '{"a":"\u0001"}',
      '[1,2',
      '{"a":1}{"b":2}',
      'null null',
    ),
  );
  const raw = fc
    .oneof(nearJson, fc.string({ minLength: 1, maxLength: 200, unit: 'binary' }))
    .filter(notJson)
    .map((text): Junk => ({ kind: 'raw', text }));
  const bytes = fc
    .uint8Array({ minLength: 1, maxLength: 200 })
    .filter((b) => !wellFormed(b) || notJson(decode(b)))
    .map((b): Junk => ({ kind: 'bytes', bytes: b }));
  const notObject = A.anyJson
    .filter((value) => value === null || typeof value !== 'object' || Array.isArray(value))
    .map((value): Junk => ({ kind: 'json', value }));
  const unknownFields = fc
    .uniqueArray(fc.tuple(A.unknownKey, A.anyJson), { selector: ([key]) => key, minLength: 1, maxLength: 4 })
    .map((entries): Junk => ({ kind: 'unknown-fields', entries }));
  const contentType = fc
    .tuple(
      fc.constantFrom(...NOT_JSON_TYPES, ...JSON_WRONG_CHARSET),
      fc.oneof(
        fc.constant(null),
        fc.constantFrom('a=1&b=2', '<a>1</a>', 'reason=x'),
        fc.string({ minLength: 1, maxLength: 40 }),
      ),
    )
    .map(([type, text]): Junk => ({ kind: 'content-type', contentType: type, text }));
  return fc.oneof(notObject, unknownFields, raw, bytes, illFormedInString(endpoint), contentType);
}

async function sendJunk(endpoint: Endpoint, junk: Junk): Promise<void> {
  switch (junk.kind) {
    case 'json':
      await fuzz.refused(
        endpoint,
        { body: toJson(junk.value), contentType: JSON_TYPE },
        { status: 400, code: 'REQUEST.INVALID' },
      );
      return;
    case 'unknown-fields': {
      const body: Record<string, unknown> = {};
      for (const [key, value] of junk.entries) setOwn(body, key, value);
      const response = await fuzz.refused(
        endpoint,
        { body: toJson(body), contentType: JSON_TYPE },
        { status: 400, code: 'REQUEST.INVALID' },
      );
      for (const [key] of junk.entries) expectFieldNamed(response, [key]);
      return;
    }
    case 'raw':
      await fuzz.refused(
        endpoint,
        { body: junk.text, contentType: JSON_TYPE },
        { status: 400, code: 'REQUEST.INVALID' },
      );
      return;
    case 'bytes':
    case 'ill-formed-utf8': {
      // Ill-formed UTF-8 is named as such, with where it starts, before any JSON error it may also hold.
      const utf8 = wellFormed(junk.bytes);
      const response = await fuzz.refused(
        endpoint,
        { body: Buffer.from(junk.bytes), contentType: JSON_TYPE },
        { status: 400, code: utf8 ? 'REQUEST.INVALID' : 'REQUEST.INVALID_UTF8' },
      );
      if (!utf8 && response.body.offset !== firstBadByte(junk.bytes))
        throw new Error(`the offset should be ${firstBadByte(junk.bytes)}: ${response.text}`);
      return;
    }
    case 'content-type':
      await fuzz.refused(
        endpoint,
        { body: junk.text ?? toJson(endpoint.valid ?? {}), contentType: junk.contentType },
        { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' },
      );
      return;
  }
}

/* ----------------------------- sizes and nesting ----------------------------- */

type Big =
  | { readonly kind: 'long-string'; readonly path: Path; readonly chars: number; readonly char: string }
  | { readonly kind: 'huge-array'; readonly path: Path; readonly n: number; readonly item: unknown }
  | {
      readonly kind: 'deep';
      readonly path: Path;
      readonly depth: number;
      readonly shape: 'object' | 'array' | 'mixed';
    };

/** Where a big value goes: one of the valid body's fields, or an unknown field of a body-less command. */
function placesOf(endpoint: Endpoint, leavesOnly: boolean): Path[] {
  if (!endpoint.valid) return [['padding']];
  const paths = pathsOf(endpoint.valid);
  return leavesOnly ? paths.filter((path) => typeof getAt(endpoint.valid, path) === 'string') : paths;
}

function bigOf(endpoint: Endpoint): fc.Arbitrary<Big> {
  // At least 2,500 code points (longer than any field allows), up to 400 kB; some right at the limit.
  const bytes = fc.oneof(
    fc.integer({ min: 10_000, max: 400_000 }),
    fc.integer({ min: BODY_LIMIT_BYTES - 3_000, max: BODY_LIMIT_BYTES + 50 }),
  );
  const longString = fc
    .tuple(fc.constantFrom(...placesOf(endpoint, true)), bytes, fc.constantFrom('x', 'Ә', '💥'))
    .map(([path, size, char]): Big => ({
      kind: 'long-string',
      path,
      char,
      chars: Math.floor(size / Buffer.byteLength(char)),
    }));
  const hugeArray = fc
    .tuple(
      fc.constantFrom(...placesOf(endpoint, false)),
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 61, max: 5_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: 5_000, max: 100_000 }) },
      ),
      fc.constantFrom<unknown>(0, null, {}, ''),
    )
    .map(([path, n, item]): Big => ({ kind: 'huge-array', path, n, item }));
  const deep = fc
    .tuple(
      fc.constantFrom(...placesOf(endpoint, false)),
      fc.oneof(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 40, max: 50_000 })),
      fc.constantFrom<'object' | 'array' | 'mixed'>('object', 'array', 'mixed'),
    )
    .map(([path, depth, shape]): Big => ({ kind: 'deep', path, depth, shape }));
  return fc.oneof(longString, hugeArray, deep);
}

/** JSON text nested `depth` containers deep, built as text (JSON.stringify would recurse as deep). */
function nestedText(depth: number, shape: 'object' | 'array' | 'mixed'): string {
  let open = '';
  let close = '';
  for (let level = 0; level < depth; level++) {
    const object = shape === 'object' || (shape === 'mixed' && level % 2 === 0);
    open += object ? '{"a":' : '[';
    close = (object ? '}' : ']') + close;
  }
  return `${open}1${close}`;
}

async function sendBig(endpoint: Endpoint, big: Big): Promise<void> {
  const base = endpoint.valid ?? {};
  let text: string;
  switch (big.kind) {
    case 'long-string':
      text = toJson(replaceAt(base, big.path, big.char.repeat(big.chars)));
      break;
    case 'huge-array':
      text = toJson(replaceAt(base, big.path, new Array(big.n).fill(big.item)));
      break;
    case 'deep':
      text = toJson(replaceAt(base, big.path, new RawJson(nestedText(big.depth, big.shape))));
      break;
  }
  const tooLarge = Buffer.byteLength(text) > BODY_LIMIT_BYTES;
  // validation.ts refuses a container at depth 32 or more before anything else looks at the body.
  const tooDeep = big.kind === 'deep' && big.path.length + big.depth - 1 >= 32;
  const expected: Expected = tooLarge
    ? { status: 413, code: 'REQUEST.TOO_LARGE' }
    : tooDeep || !endpoint.valid
      ? { status: 400, code: 'REQUEST.INVALID' }
      : { status: [400, 422] };
  const response = await fuzz.refused(endpoint, { body: text, contentType: JSON_TYPE }, expected);
  if (!tooLarge && !tooDeep) expectFieldNamed(response, big.path);
}

/* ------------------------------------ ids ------------------------------------ */

const ANY_UUID =
  /^(?:[0-9A-F]{8}-[0-9A-F]{4}-[1-8][0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|F{8}-F{4}-F{4}-F{4}-F{12})$/i;

type Id = { readonly kind: 'unknown'; readonly id: string } | { readonly kind: 'malformed'; readonly segment: string };

const encodable = (s: string) => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};

const idArbitrary: fc.Arbitrary<Id> = fc.oneof(
  fc
    .uuid()
    .chain((id) => fc.constantFrom(id, id.toUpperCase()))
    .map((id): Id => ({ kind: 'unknown', id })),
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 60, unit: 'binary' }),
      fc
        .uuid()
        .chain((id) =>
          fc.constantFrom(
            `${id}x`,
            id.slice(1),
            `{${id}}`,
            `urn:uuid:${id}`,
            id.replace(/-/g, ''),
            ` ${id}`,
            `${id}\u0000`,
            id.replace(/^(.{14})./, '$19'),
            id.replace(/^(.{19})./, '$1c'),
          ),
        ),
      fc.constantFrom(
        "1' OR '1'='1",
        "'; DROP TABLE events; --",
        '00000000-0000-0000-0000-00000000000g',
        '../../admin/sla/fire-due',
        '%00',
        '\u202E',
        '𒐫',
        'null',
        '__proto__',
        '0',
        '-1',
      ),
    )
    .filter((s) => !ANY_UUID.test(s) && s !== '.' && s !== '..' && encodable(s))
    .map((s): Id => ({ kind: 'malformed', segment: encodeURIComponent(s) })),
  fc.constantFrom('%ZZ', '%', '%E0%A4%A', '%C0%AF', '%FF').map((segment): Id => ({ kind: 'malformed', segment })),
);

/* ---------------------------------- quotas ----------------------------------- */

interface QuotaPath {
  readonly region: string;
  readonly year: string;
  readonly category: string;
}

const quotaPathArbitrary: fc.Arbitrary<QuotaPath> = fc
  .record({
    region: fc.oneof(
      fc.constantFrom('pavlodar', 'akmola', 'almaty'),
      fc.constantFrom(
        'mars',
        'Pavlodar',
        'pavlodar ',
        'toString',
        '__proto__',
        'constructor',
        'hasOwnProperty',
        "pavlodar' OR '1'='1",
        'almaty-region',
      ),
      fc.string({ minLength: 1, maxLength: 30 }),
    ),
    year: fc.oneof(
      fc.integer({ min: 1991, max: 9999 }).map(String),
      fc.oneof(fc.integer({ min: -100_000, max: 1990 }), fc.integer({ min: 10_000, max: 2 ** 31 })).map(String),
      fc.constantFrom(
        '99999999999999999999',
        '-0',
        'twenty',
        '2026.0',
        '2026.5',
        '1e3',
        '0x7EA',
        ' 2026',
        '2026 ',
        'NaN',
        'Infinity',
        '٢٠٢٦',
        '+2026',
      ),
    ),
    category: fc.oneof(
      fc.constantFrom('kandas', 'resettler'),
      fc.constantFrom('tourist', 'KANDAS', 'kandas ', 'toString', '__proto__', ''),
      fc.string({ minLength: 1, maxLength: 20 }),
    ),
  })
  .filter((p) => [p.region, p.category].every((s) => s !== '.' && s !== '..' && encodable(s)))
  .filter(
    (p) =>
      !(
        isRegionCode(p.region) &&
        ['kandas', 'resettler'].includes(p.category) &&
        /^\d+$/.test(p.year) &&
        Number(p.year) >= 1991 &&
        Number(p.year) <= 9999
      ),
  );

/* ----------------------------------- names ----------------------------------- */

interface Names {
  readonly applicant: A.GeneratedName;
  readonly latin?: A.GeneratedName;
  readonly spouse: A.GeneratedName;
  readonly child: A.GeneratedName;
}

const namesArbitrary: fc.Arbitrary<Names> = fc.record(
  { applicant: A.validName, latin: A.validLatinName, spouse: A.validName, child: A.validName },
  { requiredKeys: ['applicant', 'spouse', 'child'] },
);

const sameBytes = (a: unknown, b: string | undefined) =>
  typeof a === 'string' && b !== undefined && Buffer.from(a, 'utf8').equals(Buffer.from(b, 'utf8')) && a === b;

function expectSameName(stored: unknown, sent: A.GeneratedName | undefined, where: string): void {
  const name = stored as Partial<A.GeneratedName> | undefined;
  if (sent === undefined) {
    if (name !== undefined) throw new Error(`${where}: a name was stored though none was sent`);
    return;
  }
  for (const part of ['lastName', 'firstName', 'patronymic'] as const) {
    if (sent[part] === undefined && name?.[part] === undefined) continue;
    if (!sameBytes(name?.[part], sent[part]))
      throw new Error(`${where}.${part}: sent ${JSON.stringify(sent[part])}, stored ${JSON.stringify(name?.[part])}`);
  }
}

/* ------------------------------------ spec ------------------------------------ */

jest.setTimeout(240_000);

describe(`fuzzing every command endpoint over HTTP on SQLite (fast-check, seed ${seed})`, () => {
  beforeAll(async () => {
    fuzz = await Fuzzer.start();
  }, 120_000);

  afterAll(async () => {
    const total = Object.values(cases).reduce((sum, n) => sum + n, 0);
    recordFigures('fuzz', {
      seed,
      replay: `KANDAS_TEST_SEED=${seed}`,
      scale: SCALE,
      cases: total,
      requests: fuzz?.requests.total,
      durationMs: Date.now() - startedAt,
      byProperty: cases,
      byEndpoint: fuzz?.requests.byEndpoint,
      statusesSeen: fuzz?.requests.statusesSeen,
      codesSeen: fuzz?.requests.codesSeen,
    });
    await fuzz?.close();
  });

  it('covers every POST route the HTTP server registers, and names none it does not', () => {
    const router = (
      fuzz.e.app.getHttpAdapter().getInstance() as {
        router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
      }
    ).router;
    const posts = router.stack.flatMap((layer) => (layer.route?.methods.post ? [`POST ${layer.route.path}`] : []));
    expect([...new Set(posts)].sort()).toEqual(ENDPOINTS.map((endpoint) => endpoint.route).sort());
  });

  describe('a valid body with one field made hostile, removed, or an unknown field added: 4xx naming it, nothing appended', () => {
    it.each(ENDPOINTS.map((endpoint) => [endpoint.route, endpoint] as const))('%s', async (_, endpoint) => {
      // The inputs that found bugs, tried first on every run (see the fixes in validation.ts, bootstrap.ts, submission.dto.ts).
      const examples: Mutation[] = [
        { op: 'add', path: [], key: '__proto__', value: { admin: true } },
        { op: 'add', path: [], key: 'toString', value: 1 },
        ...(endpoint.valid ? [] : [{ op: 'body', value: [] } as const]),
        ...(endpoint.route === 'POST /applications'
          ? [{ op: 'replace', path: ['applicant', 'contacts', 'email'], value: '\udfff' } as const]
          : []),
      ];
      await check(
        `mutations of ${endpoint.route}`,
        mutationOf(endpoint),
        MUTATION_RUNS(endpoint),
        async (mutation) => {
          const text = toJson(apply(endpoint, mutation));
          if (!parsesAsJson(text)) {
            await fuzz.refused(
              endpoint,
              { body: text, contentType: JSON_TYPE },
              { status: 400, code: 'REQUEST.INVALID' },
            );
          } else if (mutation.op === 'add') {
            await fuzz.refused(
              endpoint,
              { body: text, contentType: JSON_TYPE },
              { status: 400, code: 'REQUEST.INVALID', field: { path: [...mutation.path, mutation.key], exact: true } },
            );
          } else if (mutation.op === 'body') {
            await fuzz.refused(
              endpoint,
              { body: text, contentType: JSON_TYPE },
              { status: 400, code: 'REQUEST.INVALID' },
            );
          } else {
            const response = await fuzz.refused(endpoint, { body: text, contentType: JSON_TYPE });
            // A member of the enum that only the context refuses (verdict not-eligible without grounds) shows in other fields.
            const kind = fieldOf(endpoint, mutation.path).kind;
            const contextual =
              mutation.op === 'replace' &&
              kind.t === 'enum' &&
              (kind.alsoParsed ?? []).includes(mutation.value as string);
            if (!contextual) expectFieldNamed(response, mutation.path);
          }
        },
        examples,
      );
    });
  });

  describe('malformed bodies: wrong JSON types, unknown fields only, not JSON, wrong Content-Type: 4xx, nothing appended', () => {
    it.each(ENDPOINTS.map((endpoint) => [endpoint.route, endpoint] as const))('%s', async (_, endpoint) => {
      await check(
        `malformed bodies to ${endpoint.route}`,
        junkOf(endpoint),
        RUNS.malformed,
        (junk) => sendJunk(endpoint, junk),
        [
          { kind: 'content-type', contentType: 'text/plain', text: null },
          { kind: 'content-type', contentType: 'application/json; charset=utf-16', text: null },
          { kind: 'ill-formed-utf8', bytes: Buffer.from('{"reason":"Ekib\xe9\xe9astuz"}', 'latin1') },
        ],
      );
    });
  });

  describe('oversized strings, huge lists, deep nesting: 413 above 256 kB, else 400 naming the field, nothing appended', () => {
    it.each(ENDPOINTS.map((endpoint) => [endpoint.route, endpoint] as const))('%s', async (_, endpoint) => {
      // Right at the limit (400) and one byte over it (413), whatever the draw.
      const [leaf] = placesOf(endpoint, true);
      const atLimit = BODY_LIMIT_BYTES - Buffer.byteLength(toJson(replaceAt(endpoint.valid ?? {}, leaf!, '')));
      const examples: Big[] = [
        { kind: 'long-string', path: leaf!, char: 'x', chars: atLimit },
        { kind: 'long-string', path: leaf!, char: 'x', chars: atLimit + 1 },
        ...(endpoint.route === 'POST /applications'
          ? [
              { kind: 'huge-array', path: ['familyMembers'], n: 100_000, item: 0 } as const,
              { kind: 'deep', path: ['applicant'], depth: 5_000, shape: 'object' } as const,
            ]
          : []),
      ];
      await check(
        `big bodies to ${endpoint.route}`,
        bigOf(endpoint),
        RUNS.big,
        (big) => sendBig(endpoint, big),
        examples,
      );
    });
  });

  describe('ids in the path: malformed ones 400, well-formed ones naming nothing 404', () => {
    it.each(WITH_ID.map((endpoint) => [endpoint.route, endpoint] as const))('%s', async (_, endpoint) => {
      await check(`ids of ${endpoint.route}`, idArbitrary, RUNS.ids, async (id) => {
        const path = endpoint.path(id.kind === 'unknown' ? id.id : id.segment);
        const body = endpoint.valid ? toJson(endpoint.valid) : undefined;
        const [status, code] = endpoint.unknownId!;
        await fuzz.refused(
          endpoint,
          { path, body, contentType: body ? JSON_TYPE : undefined },
          id.kind === 'unknown' ? { status, code } : { status: 400, code: 'REQUEST.INVALID' },
        );
      });
    });
  });

  it('refuses quota orders for unknown regions, categories and years, naming the parameter', async () => {
    const endpoint = ENDPOINTS.find((candidate) => candidate.route === 'POST /quotas/:region/:year/:category')!;
    await check(
      'quota path parameters',
      quotaPathArbitrary,
      RUNS.quotaPath,
      async ({ region, year, category }) => {
        const path = `/quotas/${encodeURIComponent(region)}/${encodeURIComponent(year)}/${encodeURIComponent(category)}`;
        const response = await fuzz.refused(
          endpoint,
          { path, body: toJson(endpoint.valid), contentType: JSON_TYPE },
          { status: [400, 404, 422] },
        );
        if (response.status === 404) {
          // Only an empty segment (the router then matches no route) is not refused by the parameter checks.
          if ([region, year, category].every((segment) => segment !== '')) throw new Error(`404 for ${path}`);
          return;
        }
        const yearParses = /^-?\d+$/.test(year) && Number.isFinite(Number(year));
        if (!yearParses) {
          if (response.status !== 400)
            throw new Error(`year ${JSON.stringify(year)}: ${response.status} ${response.text.slice(0, 300)}`);
          return;
        }
        const named = ((response.body.errors ?? []) as Array<{ field: string }>).map((error) => error.field);
        const wanted = [
          ...(isRegionCode(region) ? [] : ['region']),
          ...(['kandas', 'resettler'].includes(category) ? [] : ['category']),
        ];
        expect(named).toEqual(expect.arrayContaining(wanted.length > 0 ? wanted : ['year']));
      },
      ['0x7EA', '2026.0', '+2026', ' 2026', '1e3', ''].map((year) => ({
        region: 'pavlodar',
        year,
        category: 'kandas',
      })),
    );
  });

  it('accepts Kazakh, Russian and Latin names intact: what the query API and the stored event give back is byte for byte what was sent', async () => {
    const portal = fuzz.e.as('portal', 'egov');
    const reviewer = fuzz.e.as('reviewer', 'reviewer-names');
    await check('valid names kept intact', namesArbitrary, RUNS.names, async (names) => {
      // Each case a family of its own: one person is on one open application only (ADR 16).
      const body = freshSubmissionBody((s): ApplicationSubmission => {
        const [spouse, child] = s.familyMembers;
        const applicant = { ...s.applicant, name: names.applicant };
        if (names.latin) applicant.nameLatin = names.latin;
        else delete (applicant as { nameLatin?: unknown }).nameLatin;
        return {
          ...s,
          applicant,
          familyMembers: [
            { ...spouse!, name: names.spouse },
            { ...child!, name: names.child },
          ],
        };
      });
      const submitted = await portal.post('/applications', body);
      if (submitted.status !== 201)
        throw new Error(`a valid submission was refused: ${submitted.status} ${submitted.text.slice(0, 600)}`);
      const { applicationId: id, position } = submitted.body as { applicationId: string; position: string };
      const read = await reviewer.get(`/applications/${id}?atLeast=${position}`).expect(200);
      if (!sameBytes(read.body.data.applicantName, formatName(names.applicant))) {
        throw new Error(
          `the query API gives ${JSON.stringify(read.body.data.applicantName)} for ${JSON.stringify(formatName(names.applicant))}`,
        );
      }
      const submittedEvent = await firstEvent(fuzz.e.store.readStream(`application-${id}`));
      const stored = (submittedEvent!.data as { submission: ApplicationSubmission }).submission;
      expectSameName(stored.applicant.name, names.applicant, 'applicant.name');
      expectSameName(stored.applicant.nameLatin, names.latin, 'applicant.nameLatin');
      expectSameName(stored.familyMembers[0]!.name, names.spouse, 'familyMembers[0].name');
      expectSameName(stored.familyMembers[1]!.name, names.child, 'familyMembers[1].name');
    });
  });

  it('still serves: every endpoint was fuzzed, nothing answered 5xx or 2xx, the targets still take valid commands, /health/ready is 200', async () => {
    const thin = ENDPOINTS.filter((endpoint) => (fuzz.requests.byEndpoint[endpoint.route] ?? 0) < 50).map(
      (endpoint) => endpoint.route,
    );
    expect(thin).toEqual([]);
    const statuses = Object.keys(fuzz.requests.statusesSeen).map(Number);
    expect(statuses.filter((status) => status < 400 || status >= 500)).toEqual([]);
    // The refusals came from the validation and from the domain, not from a missing target.
    expect(fuzz.requests.codesSeen).toEqual(
      expect.objectContaining({
        'REQUEST.INVALID': expect.any(Number),
        'APPLICATION.INVALID_SUBMISSION': expect.any(Number),
        'APPLICATION.SIGNER_NOT_APPLICANT': expect.any(Number),
        'APPLICATION.INVALID_REVIEW': expect.any(Number),
      }),
    );

    const { e, targets } = fuzz;
    await e
      .as('portal', 'egov')
      .post(`/applications/${targets.submitted}/otp`, { signerIin: submissionBody().applicant.iin })
      .expect(201);
    await e
      .as('reviewer', 'reviewer-1')
      .post(`/applications/${targets['under-review']}/review`, {
        verdict: 'eligible',
        findings: [0, 1, 2, 3, 4].map((documentIndex) => ({ documentIndex, accepted: true })),
        grounds: [],
      })
      .expect(200);
    await e
      .as('portal', 'egov')
      .post(`/applications/${targets.signed}/withdraw`, { reason: 'The family stays' })
      .expect(200);
    await e.settle();
    await e.http.get('/health/ready').expect(200);
  });
});

async function firstEvent<T>(events: AsyncIterable<T>): Promise<T | undefined> {
  for await (const event of events) return event;
  return undefined;
}
