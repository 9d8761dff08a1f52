import { maskAs, maskIin, PersonalDataKind, PersonalFields } from './personal-data';

/** The declared paths as a tree: one node per path segment, the kind where a path ends. */
interface FieldTree {
  readonly kind?: PersonalDataKind;
  readonly children: ReadonlyMap<string, FieldTree>;
}

const trees = new WeakMap<PersonalFields, FieldTree>();

function treeOf(fields: PersonalFields): FieldTree {
  let tree = trees.get(fields);
  if (tree) return tree;
  tree = { children: new Map() };
  for (const [path, kind] of Object.entries(fields)) {
    let node = tree as { kind?: PersonalDataKind; children: Map<string, FieldTree> };
    for (const segment of segmentsOf(path)) {
      let child = node.children.get(segment) as typeof node | undefined;
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
    node.kind = kind;
  }
  trees.set(fields, tree);
  return tree;
}

/** `familyMembers[].name` → familyMembers, [], name. */
function segmentsOf(path: string): string[] {
  return path.split('.').flatMap((segment) => (segment.endsWith('[]') ? [segment.slice(0, -2), '[]'] : [segment]));
}

/**
 * Masks the declared fields of `value`, then runs the undeclared pass (maskPersonalText) over every
 * other string, so an IIN, an e-mail or a phone number typed where none was declared is masked too.
 */
export function maskDeclared<T>(fields: PersonalFields, value: T): T {
  return walk(treeOf(fields), value) as T;
}

/**
 * Masks the part of a value found at `path` (dotted, as a diff names a changed field) by the
 * declarations of the whole: `submission.applicant` with the fields under it, `submission.applicant.iin`
 * as an IIN.
 */
export function maskDeclaredAt<T>(fields: PersonalFields, path: readonly string[], value: T): T {
  let node: FieldTree | undefined = treeOf(fields);
  for (const segment of path) {
    if (node.kind !== undefined) break;
    node = node.children.get(segment) ?? node.children.get('*') ?? node.children.get('[]');
    if (node === undefined) return maskUndeclared(value);
  }
  return walk(node, value) as T;
}

function walk(node: FieldTree, value: unknown): unknown {
  if (node.kind !== undefined) return maskAll(node.kind, value);
  if (Array.isArray(value)) {
    const each = node.children.get('[]');
    return value.map((item: unknown) => (each ? walk(each, item) : maskUndeclared(item)));
  }
  if (value !== null && typeof value === 'object') {
    const any = node.children.get('*');
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => {
        const child = node.children.get(key) ?? any;
        return [key, child ? walk(child, item) : maskUndeclared(item)];
      }),
    );
  }
  return maskUndeclared(value);
}

/** Every string (and number) inside the value masked as one kind. */
export function maskAll(kind: PersonalDataKind, value: unknown): unknown {
  if (typeof value === 'string') return maskAs(kind, value);
  if (typeof value === 'number' || typeof value === 'bigint') return maskAs(kind, String(value));
  if (Array.isArray(value)) return value.map((item: unknown) => maskAll(kind, item));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, maskAll(kind, item)]),
    );
  return value;
}

/** The undeclared pass over a whole value: every string in it through maskPersonalText. */
export function maskUndeclared<T>(value: T): T {
  if (typeof value === 'string') return maskPersonalText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskUndeclared(item)) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, maskUndeclared(item)]),
    ) as T;
  return value;
}

/**
 * Twelve digits standing alone: an IIN, or something as sensitive. Not the last group of a UUID
 * (`…-4a1b-123456789012`), nor digits inside a hex digest or a word.
 */
const IIN_LIKE = /(?<![\dA-Za-z]|[\dA-Fa-f]{4}-)\d{12}(?![\dA-Za-z])/g;
/** An e-mail address: its local part (usually the name) goes, its domain stays. */
const EMAIL_LIKE = /[^\s@"'<>(),;:]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
/** A Kazakhstan phone number, +7 or 8 then ten digits, with the usual separators. */
const PHONE_LIKE = /(?<![\dA-Za-z])(?:\+7|8)[\s-]?\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?![\dA-Za-z])/g;

/**
 * The undeclared pass: what looks like an IIN, an e-mail or a phone number in any text (a sentence
 * of a log, an error quoting a signer, a reason typed by hand) is masked as its kind.
 */
export function maskPersonalText(text: string): string {
  return text
    .replace(IIN_LIKE, (iin) => maskIin(iin))
    .replace(EMAIL_LIKE, (email) => maskAs('email', email))
    .replace(PHONE_LIKE, (phone) => maskAs('phone', phone));
}
