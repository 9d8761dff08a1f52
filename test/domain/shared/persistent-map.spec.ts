import fc from 'fast-check';
import { PersistentMap, PersistentSet } from '@domain/shared/persistent-map';

type Operation =
  | { readonly kind: 'set'; readonly key: string; readonly value: number }
  | { readonly kind: 'delete'; readonly key: string };

// Few distinct keys, so that sets, overwrites and deletes of the same key meet; and many, so the trie grows levels.
const keys = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'application-1', 'application-2', ''),
  fc.string({ maxLength: 6 }),
  fc.uuid(),
);
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: keys, value: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('delete' as const), key: keys }),
);

describe('PersistentMap and PersistentSet behave as Map and Set, and never change once made', () => {
  it('answers get, has, size and its entries as a Map given the same operations would', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const expected = new Map<string, number>();
        let map = PersistentMap.empty<number>();
        for (const op of operations) {
          if (op.kind === 'set') {
            expected.set(op.key, op.value);
            map = map.set(op.key, op.value);
          } else {
            expected.delete(op.key);
            map = map.delete(op.key);
          }
          expect(map.size).toBe(expected.size);
          expect(map.get(op.key)).toBe(expected.get(op.key));
          expect(map.has(op.key)).toBe(expected.has(op.key));
        }
        expect(new Map(map)).toEqual(expected);
        expect([...map.keys()].sort()).toEqual([...expected.keys()].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('leaves every earlier version as it was', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 100 }), (operations) => {
        const versions: Array<{ map: PersistentMap<number>; snapshot: Map<string, number> }> = [];
        let map = PersistentMap.empty<number>();
        for (const op of operations) {
          map = op.kind === 'set' ? map.set(op.key, op.value) : map.delete(op.key);
          versions.push({ map, snapshot: new Map(map) });
        }
        for (const { map: version, snapshot } of versions) expect(new Map(version)).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });

  it('holds 10,000 keys, each found, and gives back the same map when nothing changes', () => {
    let map = PersistentMap.empty<number>();
    for (let n = 0; n < 10_000; n++) map = map.set(`application-${n}`, n);
    expect(map.size).toBe(10_000);
    for (let n = 0; n < 10_000; n++) expect(map.get(`application-${n}`)).toBe(n);
    expect(map.set('application-7', 7)).toBe(map);
    expect(map.delete('nobody')).toBe(map);
  });

  it('keeps keys whose hashes collide apart (FNV-1a: costarring/liquid, declinate/macallums)', () => {
    let map = PersistentMap.of([
      ['costarring', 1],
      ['liquid', 2],
      ['declinate', 3],
      ['macallums', 4],
      ['other', 5],
    ]);
    expect([map.get('costarring'), map.get('liquid'), map.get('declinate'), map.get('macallums')]).toEqual([
      1, 2, 3, 4,
    ]);
    map = map.delete('liquid').set('costarring', 10);
    expect([map.has('liquid'), map.get('costarring'), map.size]).toEqual([false, 10, 4]);
    map = map.delete('costarring');
    expect(new Map(map)).toEqual(
      new Map([
        ['declinate', 3],
        ['macallums', 4],
        ['other', 5],
      ]),
    );
  });

  it('a set answers as a Set would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), keys), { maxLength: 200 }), (operations) => {
        const expected = new Set<string>();
        let set = PersistentSet.empty();
        for (const [add, key] of operations) {
          if (add) {
            expected.add(key);
            set = set.add(key);
          } else {
            expected.delete(key);
            set = set.delete(key);
          }
          expect(set.has(key)).toBe(expected.has(key));
        }
        expect(set.size).toBe(expected.size);
        expect(new Set(set)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
