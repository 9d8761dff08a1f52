/**
 * The bodies the fuzzer sends, as JSON text: plain values, plus two things `JSON.stringify` cannot
 * say — a raw fragment (`NaN`, `1e999`) and an own key named `__proto__`.
 */

/** A fragment written into the body as it is, e.g. `NaN` or `1e999` (numbers JSON has no value for). */
export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return `RawJson(${this.text})`;
  }
}

/** A path into a body, in the notation of the API's field errors: `familyMembers[0].name.lastName`. */
export type Segment = string | number;
export type Path = readonly Segment[];

export function fieldName(path: Path): string {
  return path.reduce<string>((name, segment) => {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) return name ? `${name}[${segment}]` : String(segment);
    return name ? `${name}.${segment}` : segment;
  }, '');
}

/** `familyMembers[].name.lastName`: the field's name with the indices left out, to look its kind up. */
export function fieldPattern(path: Path): string {
  return path.reduce<string>(
    (name, segment) => (typeof segment === 'number' ? `${name}[]` : name ? `${name}.${segment}` : segment),
    '',
  );
}

/** A deep copy: bodies are JSON, so a JSON round trip is a faithful one (RawJson kept). */
export function clone<T>(value: T): T {
  if (value instanceof RawJson) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) setOwn(copy, key, clone(child));
    return copy as T;
  }
  return value;
}

/** Sets an own, enumerable property, even `__proto__` (which plain assignment would not create). */
export function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function getAt(body: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, segment) => (value as Record<string | number, unknown>)[segment], body);
}

/** A copy of `body` with the value at `path` replaced (or deleted, with `remove`). */
export function replaceAt(body: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = clone(body);
  if (path.length === 0) return value;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete parent[last];
  else setOwn(parent, last, value);
  return copy;
}

/** Every path of a body: objects, arrays and leaves, the root excluded. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || value instanceof RawJson) return [];
  const entries: Array<[Segment, unknown]> = Array.isArray(value)
    ? value.map((child, index) => [index, child])
    : Object.entries(value);
  return entries.flatMap(([segment, child]) => [[...prefix, segment], ...pathsOf(child, [...prefix, segment])]);
}

/** Paths of the objects (not arrays) in a body, the root included. */
export function objectPathsOf(value: unknown): Path[] {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RawJson);
  return [...(isObject(value) ? [[] as Path] : []), ...pathsOf(value).filter((path) => isObject(getAt(value, path)))];
}

/** JSON text of a body, with raw fragments written in place. */
export function toJson(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raws.push(value.text);
      return `\u0000raw:${raws.length - 1}\u0000`;
    }
    return value;
  });
  if (text === undefined) return 'null';
  return raws.length === 0
    ? text
    : text.replace(/"\\u0000raw:(\d+)\\u0000"/g, (_, index: string) => raws[Number(index)]!);
}

/** Whether the server's JSON parser would take the text (a BOM is stripped before parsing). */
export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}
