import fc from 'fast-check';
import { iinProblem } from '@domain/shared/iin';
import { E2E_START } from '../../e2e/support/e2e-app';
import type { Field, Kind } from './endpoints';
import { RawJson } from './json';

/** The instant of every submission in the fuzzed store: its clock stays at E2E_START (2 March 2026, "today"). */
export const NOW = E2E_START;

/** Strings that are refused wherever a constrained value (IIN, date, code, enum, name) is expected. */
export const HOSTILE_STRINGS: readonly string[] = [
  "'; DROP TABLE events; --",
  "x'); DELETE FROM events WHERE '1'='1",
  "1' OR '1'='1",
  '" OR ""="',
  "'; ATTACH DATABASE '/tmp/pwn.sqlite' AS pwn; --",
  'Robert"); DROP TABLE read_models;--',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"$ne":null}',
  '{"$gt":""}',
  '__proto__',
  '[]',
  '{}',
  'null',
  'undefined',
  'NaN',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31m',
  '\r\n\r\nX-Injected: 1',
  '\u202Eevil\u202C',
  '\u2066isolate\u2069',
  '\u200B',
  '\u200D\u200C',
  '\uFEFF',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ud83d\udca5',
  '\u0301',
  'ﷺ',
  '𒐫𒐫𒐫',
];

/** Strings of non-letters, none of them a name, a date, a code or an enum member. */
const junkString = fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }).map((s) => `${s}\u0000`);
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: junkString },
);

/** A value of a JSON type a field of `kind` does not take (null only where absence is refused). */
export function wrongType(kind: Kind, nullRefused: boolean): fc.Arbitrary<unknown> {
  const numbers = fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -1, 1e21, Number.MAX_SAFE_INTEGER + 2, -0.5),
  );
  const arrays = fc.oneof(
    fc.constant([]),
    fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 4 }),
  );
  const objects = fc.oneof(
    fc.constant({}),
    fc.dictionary(
      fc.string().map((key) => `$${key}`),
      fc.oneof(fc.string(), fc.integer()),
      { minKeys: 1, maxKeys: 3 },
    ),
  );
  const strings = fc.oneof(fc.constant(''), fc.string(), hostileString);
  const options: fc.Arbitrary<unknown>[] = [];
  // `true` is the only value a 'true' field takes; a list is the type an 'array' field takes.
  if (kind.t !== 'true') options.push(fc.boolean());
  if (kind.t !== 'array') options.push(arrays);
  switch (kind.t) {
    case 'int':
      options.push(
        strings,
        objects,
        fc.constantFrom(
          new RawJson('NaN'),
          new RawJson('Infinity'),
          new RawJson('-Infinity'),
          new RawJson('1e999'),
          new RawJson('-1e999'),
          new RawJson('0x7E2'),
        ),
      );
      break;
    case 'true':
      options.push(numbers, strings, objects, fc.constant(false));
      break;
    case 'object':
      options.push(numbers, strings);
      break;
    case 'array':
      options.push(numbers, strings, objects);
      break;
    default:
      options.push(numbers, objects);
  }
  if (nullRefused) options.push(fc.constant(null));
  return fc.oneof(...options);
}

const YEAR = fc.integer({ min: 1900, max: 2100 });
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `2026-02-30`, `2025-13-01`, `2024-04-31`: the format, not the calendar. */
export const impossibleDate: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(YEAR, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }))
    .filter(([y, m, d]) => d === 0 || d > daysIn(y, m))
    .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  fc
    .tuple(YEAR, fc.constantFrom(0, 13, 19, 99), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  fc.constantFrom('2026-02-29', '2025-02-29', '2100-02-29', '2026-02-30', '2026-04-31', '0000-00-00', '9999-99-99'),
);

/** Dates of another shape than `yyyy-MM-dd`. */
export const misshapenDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2026-3-5',
    '05.03.2026',
    '20260305',
    '2026/03/05',
    '2026-03-05T00:00:00Z',
    '+02026-03-05',
    ' 2026-03-05',
    '2026-03-05 ',
    '2026-03',
    '',
    'today',
    '٢٠٢٦-٠٣-٠٥',
    '２０２６-０３-０５',
  ),
  hostileString,
);

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** Dates after today: a birth or an issue there has not happened. */
export const futureDate = fc
  .date({ min: new Date('2026-03-03T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map(isoDate);
/** Dates before today: an expiry there has passed. */
export const pastDate = fc
  .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('2026-03-01T00:00:00Z'), noInvalidDate: true })
  .map(isoDate);

/** Another person's IIN, valid. */
export const otherValidIin = fc
  .stringMatching(/^\d{11}$/)
  .map((first11) => [...'0123456789'].map((d) => first11 + d).find((candidate) => iinProblem(candidate) === null))
  .filter((candidate): candidate is string => candidate !== undefined);

/** IINs that are refused: a wrong check digit, a wrong length, other characters than ASCII digits. */
export const badIin: fc.Arbitrary<string> = fc.oneof(
  otherValidIin.chain((valid) =>
    fc.integer({ min: 1, max: 9 }).map((shift) => valid.slice(0, 11) + ((Number(valid[11]) + shift) % 10)),
  ),
  fc.stringMatching(/^\d{0,11}$/),
  fc.stringMatching(/^\d{13,40}$/),
  fc
    .tuple(otherValidIin, fc.nat({ max: 11 }), fc.constantFrom('a', ' ', '-', '٣', '３', 'O', 'l', '\u0000', '.', '+'))
    .map(([valid, at, c]) => valid.slice(0, at) + c + valid.slice(at + 1)),
  hostileString,
);

/* ----------------------------------- names ----------------------------------- */

const KAZAKH_UPPER = [...'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ'];
const KAZAKH_LOWER = [...'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя'];
const LATIN_UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜÇŞĞİŪÑÁÓÚÝŃǴÉÈÂ'];
const LATIN_LOWER = [...'abcdefghijklmnopqrstuvwxyzäöüçşğıūñáóúýńǵéèâ'];
const JOINERS = [' ', '-', "'", '’'];

/** Real names and transliterations, as they are written. */
const CYRILLIC_WORDS = [
  'Нұрланұлы',
  'Ержан',
  'Әбдіғали',
  'Гүлнұр',
  'Қанатқызы',
  'Айгүл',
  'Өмірзақ',
  'Ұлжан',
  'Үмітқали',
  'Һадиша',
  'Іңкәр',
  'Ғалым',
  'Ңоқ',
  'Щербакова',
  'Ёлкина',
  'Наталья',
  'Юрьевна',
  'Сейітқали',
  'Мұхаммед',
];
const LATIN_WORDS = [
  'Zhanar',
  'Nurlan',
  'uly',
  'Nurlanuly',
  'Yerzhan',
  'Äbdığaliqyzy',
  'Gülnūr',
  'Qanatqyzy',
  'Smith',
  'Neil',
  'Anne',
  'Marie',
  'Şynar',
  'Ñurlan',
  'Ömirzaq',
  'Ulyqbek',
];

const word = (upper: string[], lower: string[], words: string[]) =>
  fc.oneof(
    fc.constantFrom(...words),
    fc
      .tuple(fc.constantFrom(...upper), fc.array(fc.constantFrom(...lower), { minLength: 0, maxLength: 14 }))
      .map(([first, rest]) => first + rest.join('')),
    fc.array(fc.constantFrom(...lower, ...upper), { minLength: 1, maxLength: 12 }).map((letters) => letters.join('')),
  );

/** A name part in one script: words joined by a space, a hyphen or an apostrophe, at most 100 characters. */
const namePart = (upper: string[], lower: string[], words: string[]) =>
  fc
    .tuple(
      word(upper, lower, words),
      fc.array(fc.tuple(fc.constantFrom(...JOINERS), word(upper, lower, words)), { maxLength: 3 }),
      fc.boolean(),
    )
    .map(([first, rest, decomposed]) => {
      const part = first + rest.map(([joiner, next]) => joiner + next).join('');
      // Decomposed (NFD) letters are letters too: the domain checks the NFC form and stores what came.
      return decomposed ? part.normalize('NFD') : part;
    })
    .filter((part) => part.length <= 100);

export const cyrillicNamePart = namePart(KAZAKH_UPPER, KAZAKH_LOWER, CYRILLIC_WORDS);
export const latinNamePart = namePart(LATIN_UPPER, LATIN_LOWER, LATIN_WORDS);

export interface GeneratedName {
  readonly lastName: string;
  readonly firstName: string;
  readonly patronymic?: string;
}

const nameOf = (part: fc.Arbitrary<string>): fc.Arbitrary<GeneratedName> =>
  fc.record({ lastName: part, firstName: part, patronymic: part }, { requiredKeys: ['lastName', 'firstName'] });
export const validName = fc.oneof(nameOf(cyrillicNamePart), nameOf(latinNamePart));
export const validLatinName = nameOf(latinNamePart);

/** Name parts the rule refuses: a character no name has, two scripts in one part, joiners out of place, too long. */
export const badNamePart: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.oneof(cyrillicNamePart, latinNamePart),
      fc.nat(),
      fc.constantFrom(
        '1',
        ';',
        '_',
        '"',
        '<',
        '{',
        '$',
        '@',
        '\u0000',
        '\t',
        '\n',
        '\u202E',
        '\u200B',
        '\u200D',
        '\ud800',
        '💥',
        'Ω',
        'ب',
        '中',
        '.',
        ',',
        '!',
        '`',
      ),
    )
    .map(([part, at, c]) => part.slice(0, at % (part.length + 1)) + c + part.slice(at % (part.length + 1))),
  fc.tuple(cyrillicNamePart, latinNamePart).map(([cyrillic, latin]) => cyrillic + latin),
  fc.constantFrom(
    'Аsel',
    'Asеl',
    '-Ержан',
    'Ержан-',
    "'Ержан",
    'Ер--жан',
    "O''Neil",
    ' Ержан',
    'Ержан ',
    'Ер  жан',
    '',
    '   ',
    '-',
    "'",
  ),
  fc.tuple(fc.constantFrom('Ә', 'a', 'Ж'), fc.integer({ min: 101, max: 5000 })).map(([c, n]) => c.repeat(n)),
  hostileString.filter((s) => /[^\p{L}\p{M}\s'’-]/u.test(s)),
);

/* ------------------------------- hostile values ------------------------------- */

/**
 * A value certainly refused in a field of this kind: a value of the right JSON type that breaks the
 * field's rule, or a value of another type. `original` is the valid body's value there.
 */
export function hostileFor(field: Field, original: unknown): fc.Arbitrary<unknown> {
  const { kind } = field;
  const wrong = wrongType(kind, !field.optional);
  // One code point each: the length rules count code points, so n of them are n characters.
  const text = (max: number) =>
    fc
      .tuple(fc.constantFrom('x', 'Ә', ' ', '💥'), fc.integer({ min: max + 1, max: max + 3000 }))
      .map(([c, n]) => c.repeat(n));
  let right: fc.Arbitrary<unknown>;
  switch (kind.t) {
    case 'enum': {
      const others = (kind.alsoParsed ?? []).filter((value) => !kind.valid.includes(value));
      const near = fc
        .constantFrom(...kind.valid, ...others, 'x')
        .chain((value) =>
          fc.constantFrom(
            value.toUpperCase(),
            ` ${value}`,
            `${value} `,
            `${value}\u0000`,
            `${value}\u200B`,
            value.normalize('NFD') === value ? `${value}x` : value.normalize('NFD'),
          ),
        );
      const notMember = fc
        .oneof(near, hostileString, fc.string())
        .filter((value) => !kind.valid.includes(value) && !others.includes(value));
      right = others.length > 0 ? fc.oneof(fc.constantFrom(...others), notMember) : notMember;
      break;
    }
    case 'iin':
      right = kind.othersRefused
        ? fc.oneof(
            badIin,
            otherValidIin.filter((value) => value !== original),
          )
        : badIin;
      break;
    case 'name':
      right = badNamePart;
      break;
    case 'pastDate':
      right = fc.oneof(futureDate, impossibleDate, misshapenDate);
      break;
    case 'futureDate':
      right = fc.oneof(pastDate, impossibleDate, misshapenDate);
      break;
    case 'date':
      right = fc.oneof(impossibleDate, misshapenDate);
      break;
    case 'instant':
      right = fc.oneof(
        fc
          .date({ min: new Date(Date.parse(NOW) + 1000), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        impossibleDate.map((d) => `${d}T10:00:00Z`),
        fc.constantFrom(
          '2026-03-01T10:00:00',
          '2026-03-01',
          '2026-03-01T25:00:00Z',
          '2026-03-01T10:61:00Z',
          '2026-03-01 10:00:00Z',
          'yesterday',
          '1772427600',
        ),
        hostileString,
      );
      break;
    case 'pattern':
      right = fc.oneof(fc.constantFrom(...kind.refused), hostileString);
      break;
    case 'text': {
      const options: fc.Arbitrary<unknown>[] = [text(kind.max)];
      if (kind.min > 0) options.push(fc.constant(''));
      if (kind.blankRefused)
        options.push(fc.constantFrom(' ', '   ', '\t', '\n \r', '\u00a0'.repeat(3)).filter((s) => s.trim() === ''));
      right = fc.oneof(...options);
      break;
    }
    case 'int': {
      const outside = fc.oneof(
        fc.integer({ min: -1_000_000_000, max: kind.min - 1 }),
        fc.integer({ min: kind.max + 1, max: 2_000_000_000 }),
        fc.constantFrom(-1, kind.min - 1, kind.max + 1, 1e15, -1e15, 1e300),
      );
      const fractional = fc
        .double({ min: kind.min - 10, max: kind.max + 10, noNaN: true, noDefaultInfinity: true })
        .filter((x) => !Number.isInteger(x));
      const others = kind.only
        ? [fc.integer({ min: Math.max(-1000, kind.min - 100), max: kind.max + 100 }).filter((n) => n !== original)]
        : [];
      right = fc.oneof(outside, fractional, ...others);
      break;
    }
    case 'true':
      right = fc.constantFrom(false, 'true', 1, 'yes', [true], { value: true });
      break;
    case 'object':
      right = fc.constantFrom({}, [], [original], JSON.stringify(original));
      break;
    case 'array': {
      const options: fc.Arbitrary<unknown>[] = [
        fc.integer({ min: kind.max + 1, max: kind.max + 50 }).map((n) => new Array(n).fill(0)),
        fc.array(fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)), { minLength: 1, maxLength: 5 }),
        fc.constant([[]]),
      ];
      if (kind.emptyRefused) options.push(fc.constant([]));
      if (kind.onlyEmpty)
        options.push(
          fc.array(fc.oneof(fc.string(), hostileString, fc.constantFrom('QUOTA_EXHAUSTED', 'OTHER')), {
            minLength: 1,
            maxLength: 12,
          }),
        );
      right = fc.oneof(...options);
      break;
    }
  }
  return fc.oneof({ weight: 3, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

/* --------------------------------- unknown keys -------------------------------- */

/** Keys no DTO declares (every declared field is alphanumeric); some of them name Object.prototype's members. */
export const unknownKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'isPrototypeOf',
    '__defineGetter__',
    'isAdmin',
    'admin',
    'role',
    'status',
    'id',
    '$where',
    '$ne',
    '',
    ' ',
    '0',
    '12',
    'a.b',
    'ключ',
    '\u0000',
    '\u202E',
  ),
  fc.string({ maxLength: 12 }).map((s) => `$${s}`),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/^[A-Za-z0-9]+$/.test(s)),
);

/** A value of any JSON type, small. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });
