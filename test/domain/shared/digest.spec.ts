import { createHash } from 'node:crypto';
import { canonicalJson } from '@domain/shared/canonical-json';
import { applicationDigest, kandasFamily } from '../application/fixtures';

/**
 * What the hand-written SHA-256 of the domain gave for `kandasFamily()` before the digest moved to
 * the edge: over its submission version 1 shape (`receivingRegion`, `quotaYear`; ADR 20).
 */
const PINNED_KANDAS_FAMILY_DIGEST = '051f193b45f67bb24b4e43df9fd443905b5d3c82ff24245878e3f60302f86efc';

describe('canonical JSON', () => {
  it('gives the same text whatever order the keys came in, and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'қ' }, u: undefined })).toBe(
      '{"a":{"c":"қ","d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe('the application digest computed at the edge', () => {
  it('is SHA-256 of the canonical JSON in UTF-8, whatever order the fields came in', () => {
    const submission = kandasFamily();
    const reordered = Object.fromEntries(Object.entries(submission).reverse()) as typeof submission;
    expect(applicationDigest(reordered)).toBe(
      createHash('sha256')
        .update(Buffer.from(canonicalJson(submission), 'utf8'))
        .digest('hex'),
    );
  });

  it('is the digest stored events of the test family already carry, over the shape they were signed in', () => {
    expect(applicationDigest(kandasFamily(), 1)).toBe(PINNED_KANDAS_FAMILY_DIGEST);
  });

  it("digests a new submission in today's names, region and year (submission version 2)", () => {
    const submission = kandasFamily();
    expect(canonicalJson(submission)).toContain('"region":"pavlodar"');
    expect(canonicalJson(submission)).not.toContain('receivingRegion');
    expect(applicationDigest(submission)).toBe(applicationDigest(submission, 2));
    expect(applicationDigest(submission)).not.toBe(PINNED_KANDAS_FAMILY_DIGEST);
  });
});
