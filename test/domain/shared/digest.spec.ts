import { createHash } from 'node:crypto';
import { canonicalJson } from '@domain/shared/canonical-json';
import { sha256Hex } from '@domain/shared/sha256';

describe('SHA-256 of the domain (no Node crypto inside domain/)', () => {
  it.each(['', 'abc', 'Қазақстан Республикасы 🇰🇿', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'w'.repeat(1000)])('matches node:crypto for %j', (text) => {
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('canonical JSON', () => {
  it('gives the same text whatever order the keys came in, and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'қ' }, u: undefined })).toBe('{"a":{"c":"қ","d":[2,{"e":0,"f":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});
