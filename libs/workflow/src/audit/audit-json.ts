import { PersistentMap, PersistentSet } from '@domain/shared/persistent-map';

/** A JSON value as the audit answers carry it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Turns a folded state into plain JSON: a Map (or PersistentMap) becomes an object (keys sorted), a
 * Set (or PersistentSet) a sorted array, a bigint a string, a Date its ISO instant; `undefined`
 * fields are dropped. Deterministic, so two folds of the same events serialise to the same text.
 */
export function toPlainJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map || value instanceof PersistentMap) {
    const entries = [...value.entries()].map(([key, item]) => [String(key), toPlainJson(item)] as const);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  if (value instanceof Set || value instanceof PersistentSet) return sortJson([...value].map(toPlainJson));
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined && typeof item !== 'function') out[key] = toPlainJson(item);
    }
    return out;
  }
  return null;
}

function sortJson(values: Json[]): Json[] {
  return values
    .map((value) => [JSON.stringify(value), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, value]) => value);
}

/** One field that differs between two states; an absent field reads as `null`. */
export interface FieldChange {
  /** Dotted path from the state's root (`sla.atRisk`, `reservations.<application-id>`). */
  readonly path: string;
  readonly before: Json;
  readonly after: Json;
}

/**
 * Field-by-field difference of two plain JSON states: objects are walked (keys in sorted order),
 * anything else — numbers, strings, arrays — is compared as a whole value. Deterministic.
 */
export function diffJson(before: Json, after: Json, path = ''): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) =>
      diffJson(before[key] ?? null, after[key] ?? null, path === '' ? key : `${path}.${key}`),
    );
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path === '' ? '$' : path, before, after }];
}

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
