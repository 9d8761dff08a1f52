import fc from 'fast-check';
import { canonicalJson } from '@domain/shared/canonical-json';
import { eventContent } from '@infra/event-store/sqlite/event-hash';

/**
 * The append path canonicalises with a faster routine than the domain's `canonicalJson`; every hash
 * ever stored depends on the two agreeing byte for byte, on whatever JSON an event may carry.
 */
describe('the content an event hash covers', () => {
  const fields = (data: unknown, metadata: unknown) => ({
    eventId: '6f1c2d3e-0000-4000-8000-000000000001',
    streamId: 'application-1',
    revision: 3,
    position: 17n,
    type: 'ApplicationReviewed',
    schemaVersion: 2,
    data: JSON.stringify(data),
    metadata: JSON.stringify(metadata),
    recordedAt: '2026-03-02T05:00:00.000Z',
  });

  it('is the canonical JSON of the stored row, for any JSON data and metadata', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(
        json,
        json,
        fc.constantFrom('__proto__', 'constructor', '10', '2', '\ud800', 'é', 'e\u0301'),
        (data, metadata, key) => {
          const withKey = { [key]: data, other: metadata };
          for (const [d, m] of [
            [data, metadata],
            [withKey, metadata],
            [data, withKey],
          ] as const) {
            const row = fields(d, m);
            const reference = canonicalJson({
              ...row,
              position: '17',
              data: JSON.parse(row.data),
              metadata: JSON.parse(row.metadata),
            });
            expect(eventContent(row)).toBe(reference);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
