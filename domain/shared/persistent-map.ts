/**
 * An immutable map from strings, where `set` and `delete` return a new map that shares every part
 * the change did not touch (a hash trie, 16 ways a level). A fold that adds one entry per event then
 * costs O(log n) an event instead of copying a Map: a region's quota takes one reservation per
 * application, and copying its Map on each made folding the stream quadratic (docs/benchmarks.md).
 * Iteration follows the keys' hashes, not the order they were added.
 */
type Entry<V> = readonly [string, V];

/** Keys whose hashes agree on every bit. */
interface Bucket<V> {
  readonly hash: number;
  readonly entries: ReadonlyArray<Entry<V>>;
}

type Branch<V> = ReadonlyArray<TrieNode<V> | undefined>;
type TrieNode<V> = Bucket<V> | Branch<V>;

const BITS = 4;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

export class PersistentMap<V> implements ReadonlyMap<string, V> {
  private static readonly EMPTY = new PersistentMap<never>(undefined, 0);

  private constructor(
    private readonly root: TrieNode<V> | undefined,
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return PersistentMap.EMPTY;
  }

  static of<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  get(key: string): V | undefined {
    const hash = hashOf(key);
    let node = this.root;
    for (let shift = 0; node !== undefined; shift += BITS) {
      if (!isBranch(node)) return node.hash === hash ? node.entries.find(([k]) => k === key)?.[1] : undefined;
      node = node[(hash >>> shift) & MASK];
    }
    return undefined;
  }

  has(key: string): boolean {
    const hash = hashOf(key);
    let node = this.root;
    for (let shift = 0; node !== undefined; shift += BITS) {
      if (!isBranch(node)) return node.hash === hash && node.entries.some(([k]) => k === key);
      node = node[(hash >>> shift) & MASK];
    }
    return false;
  }

  set(key: string, value: V): PersistentMap<V> {
    const added = { count: 0 };
    const root = setIn(this.root, hashOf(key), key, value, 0, added);
    return root === this.root ? this : new PersistentMap(root, this.size + added.count);
  }

  delete(key: string): PersistentMap<V> {
    if (!this.has(key)) return this;
    return new PersistentMap(deleteIn(this.root, hashOf(key), key, 0), this.size - 1);
  }

  *entries(): MapIterator<[string, V]> {
    for (const [key, value] of entriesOf(this.root)) yield [key, value];
  }

  *keys(): MapIterator<string> {
    for (const [key] of entriesOf(this.root)) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of entriesOf(this.root)) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of entriesOf(this.root)) callback(value, key, this);
  }
}

/** An immutable set of strings on PersistentMap: `add` and `delete` return a new set sharing the rest. */
export class PersistentSet implements ReadonlySet<string> {
  private static readonly EMPTY = new PersistentSet(PersistentMap.empty<true>());

  private constructor(private readonly map: PersistentMap<true>) {}

  static empty(): PersistentSet {
    return PersistentSet.EMPTY;
  }

  static of(values: Iterable<string>): PersistentSet {
    let set = PersistentSet.empty();
    for (const value of values) set = set.add(value);
    return set;
  }

  get size(): number {
    return this.map.size;
  }

  has(value: string): boolean {
    return this.map.has(value);
  }

  add(value: string): PersistentSet {
    const map = this.map.set(value, true);
    return map === this.map ? this : new PersistentSet(map);
  }

  delete(value: string): PersistentSet {
    const map = this.map.delete(value);
    return map === this.map ? this : new PersistentSet(map);
  }

  *values(): SetIterator<string> {
    yield* this.map.keys();
  }

  *keys(): SetIterator<string> {
    yield* this.map.keys();
  }

  *entries(): SetIterator<[string, string]> {
    for (const value of this.map.keys()) yield [value, value];
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    for (const value of this.map.keys()) callback(value, value, this);
  }
}

function isBranch<V>(node: TrieNode<V>): node is Branch<V> {
  return Array.isArray(node);
}

/** FNV-1a over UTF-16 code units: deterministic, so a fold gives the same trie in every process. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function setIn<V>(
  node: TrieNode<V> | undefined,
  hash: number,
  key: string,
  value: V,
  shift: number,
  added: { count: number },
): TrieNode<V> {
  if (node === undefined) {
    added.count = 1;
    return { hash, entries: [[key, value]] };
  }
  if (isBranch(node)) {
    const index = (hash >>> shift) & MASK;
    const child = setIn(node[index], hash, key, value, shift + BITS, added);
    if (child === node[index]) return node;
    const copy = node.slice();
    copy[index] = child;
    return copy;
  }
  if (node.hash === hash) {
    const at = node.entries.findIndex(([k]) => k === key);
    if (at >= 0 && Object.is(node.entries[at]![1], value)) return node;
    const entries = node.entries.slice();
    if (at >= 0) entries[at] = [key, value];
    else {
      entries.push([key, value]);
      added.count = 1;
    }
    return { hash, entries };
  }
  // Two hashes that agree up to here: a branch, and each goes down its own way (or further).
  const branch = new Array<TrieNode<V> | undefined>(WIDTH).fill(undefined);
  branch[(node.hash >>> shift) & MASK] = node;
  return setIn(branch, hash, key, value, shift, added);
}

function deleteIn<V>(node: TrieNode<V> | undefined, hash: number, key: string, shift: number): TrieNode<V> | undefined {
  if (node === undefined) return undefined;
  if (!isBranch(node)) {
    const entries = node.entries.filter(([k]) => k !== key);
    return entries.length === 0 ? undefined : { hash, entries };
  }
  const index = (hash >>> shift) & MASK;
  const child = deleteIn(node[index], hash, key, shift + BITS);
  const copy = node.slice();
  copy[index] = child;
  const left = copy.filter((entry) => entry !== undefined);
  // A branch left with one bucket is that bucket: the trie stays as shallow as its keys need.
  if (left.length === 0) return undefined;
  if (left.length === 1 && !isBranch(left[0]!)) return left[0];
  return copy;
}

function* entriesOf<V>(node: TrieNode<V> | undefined): Generator<Entry<V>> {
  if (node === undefined) return;
  if (!isBranch(node)) {
    yield* node.entries;
    return;
  }
  for (const child of node) yield* entriesOf(child);
}
