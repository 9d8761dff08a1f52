import fc from 'fast-check';
import { firstUtf8Fault } from '../../apps/back-office/src/http/utf8';

const bytes = (...values: number[]) => Uint8Array.from(values);
const strict = new TextDecoder('utf-8', { fatal: true });
const wellFormed = (value: Uint8Array) => {
  try {
    strict.decode(value);
    return true;
  } catch {
    return false;
  }
};

describe('the UTF-8 check of request bodies', () => {
  it.each([
    ['plain ASCII JSON', Buffer.from('{"a":"b"}')],
    ['Kazakh and Russian letters', Buffer.from('{"name":"Нұрланұлы Ержан Ёжиков"}')],
    ['a character outside the BMP', Buffer.from('😀')],
    ['the highest code point', bytes(0xf4, 0x8f, 0xbf, 0xbf)],
    ['the replacement character itself, sent as such', bytes(0xef, 0xbf, 0xbd)],
    ['an empty body', bytes()],
  ])('finds nothing wrong with %s', (_, body) => {
    expect(firstUtf8Fault(body)).toBeNull();
  });

  it.each([
    [
      'a Latin-1 byte inside a JSON string',
      [...Buffer.from('{"s":"Ekib'), 0xe9, ...Buffer.from('astuz"}')],
      10,
      'truncated',
    ],
    ['a lone continuation byte', [0x41, 0x80], 1, 'continuation byte with no lead'],
    ['an overlong slash (C0 AF)', [0x7b, 0xc0, 0xaf], 1, 'overlong'],
    ['an overlong three-byte form (E0 80 AF)', [0xe0, 0x80, 0xaf], 0, 'overlong'],
    ['an overlong four-byte form (F0 80 80 AF)', [0xf0, 0x80, 0x80, 0xaf], 0, 'overlong'],
    ['a high surrogate encoded in UTF-8 (ED A0 80)', [0x22, 0xed, 0xa0, 0x80, 0x22], 1, 'surrogate'],
    ['a low surrogate encoded in UTF-8 (ED BF BF)', [0xed, 0xbf, 0xbf], 0, 'surrogate'],
    ['a code point above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 0, 'above U+10FFFF'],
    ['a byte that UTF-8 never uses (FF)', [0x20, 0xff], 1, 'never occurs'],
    ['a sequence cut short by the end of the body', [0x22, 0xd0], 1, 'truncated'],
    ['a four-byte sequence cut short by a quote', [0xf0, 0x9f, 0x98, 0x22], 0, 'truncated'],
  ])('names %s and its byte offset', (_, body, offset, reason) => {
    expect(firstUtf8Fault(bytes(...body))).toEqual({ offset, reason: expect.stringContaining(reason) });
  });

  it('agrees with a strict decoder on any bytes, and the bytes before the offset it names are well formed', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 20 }).map((text) => new Uint8Array(Buffer.from(text))),
          fc
            .tuple(
              fc.string({ maxLength: 10 }),
              fc.uint8Array({ minLength: 1, maxLength: 4 }),
              fc.string({ maxLength: 10 }),
            )
            .map(([a, junk, b]) => Uint8Array.from([...Buffer.from(a), ...junk, ...Buffer.from(b)])),
        ),
        (body) => {
          const fault = firstUtf8Fault(body);
          expect(fault === null).toBe(wellFormed(body));
          if (fault) {
            expect(wellFormed(body.subarray(0, fault.offset))).toBe(true);
            expect(wellFormed(body.subarray(fault.offset, fault.offset + 1))).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
