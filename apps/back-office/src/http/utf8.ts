import { isUtf8 } from 'node:buffer';

/** The first byte of a body that is not well-formed UTF-8, and what is wrong there. */
export interface Utf8Fault {
  readonly offset: number;
  readonly reason: string;
}

/**
 * The well-formed UTF-8 byte sequences (Unicode, Table 3-7): by lead byte, the sequence length and
 * the range its second byte must fall in (every later byte is 80..BF). The narrowed second-byte
 * ranges are what refuse overlong forms (E0, F0), encoded surrogates (ED) and code points above
 * U+10FFFF (F4).
 */
const LEADS: ReadonlyArray<readonly [from: number, to: number, length: number, secondMin: number, secondMax: number]> =
  [
    [0xc2, 0xdf, 2, 0x80, 0xbf],
    [0xe0, 0xe0, 3, 0xa0, 0xbf],
    [0xe1, 0xec, 3, 0x80, 0xbf],
    [0xed, 0xed, 3, 0x80, 0x9f],
    [0xee, 0xef, 3, 0x80, 0xbf],
    [0xf0, 0xf0, 4, 0x90, 0xbf],
    [0xf1, 0xf3, 4, 0x80, 0xbf],
    [0xf4, 0xf4, 4, 0x80, 0x8f],
  ];

/**
 * Null when the bytes are well-formed UTF-8, else where they first are not. Node's own check answers
 * the common case; the scan below runs only on a body already known to be bad, to name the offset.
 */
export function firstUtf8Fault(bytes: Uint8Array): Utf8Fault | null {
  if (isUtf8(bytes)) return null;
  for (let offset = 0; offset < bytes.length;) {
    const step = sequenceAt(bytes, offset);
    if (typeof step === 'string') return { offset, reason: step };
    offset += step;
  }
  return null;
}

/** The length of the well-formed sequence at `offset`, or why there is none. */
function sequenceAt(bytes: Uint8Array, offset: number): number | string {
  const lead = bytes[offset]!;
  if (lead < 0x80) return 1;
  const form = LEADS.find(([from, to]) => lead >= from && lead <= to);
  if (!form) return leadFault(lead);
  const [, , length, secondMin, secondMax] = form;
  for (let i = 1; i < length; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) return 'a truncated sequence (the body ends inside a character)';
    const [min, max] = i === 1 ? [secondMin, secondMax] : [0x80, 0xbf];
    if (byte < min || byte > max) return secondFault(lead, byte, i);
  }
  return length;
}

function leadFault(lead: number): string {
  if (lead <= 0xbf) return 'a continuation byte with no lead byte';
  if (lead <= 0xc1) return 'an overlong encoding';
  return 'a byte that never occurs in UTF-8';
}

function secondFault(lead: number, byte: number, index: number): string {
  const continuation = byte >= 0x80 && byte <= 0xbf;
  if (index > 1 || !continuation) return 'a truncated sequence (a character cut short)';
  if (lead === 0xe0 || lead === 0xf0) return 'an overlong encoding';
  if (lead === 0xed) return 'a UTF-16 surrogate encoded in UTF-8';
  return 'a code point above U+10FFFF';
}
