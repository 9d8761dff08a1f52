import { createHash } from 'node:crypto';
import { canonicalJson } from '@domain/shared/canonical-json';

/**
 * The hashes every exported row carries (ADR 25), computed the same way by the export and by any
 * receiver, in our code or not:
 * - `rowHash` = hex SHA-256 of the UTF-8 canonical JSON (keys sorted at every level, no whitespace)
 *   of the row **as exported** — after masking, since that is what the receiver holds — without
 *   its own two hash fields;
 * - `chainHash` = hex SHA-256 of the previous row's chainHash, a line feed, and this row's rowHash,
 *   the previous chainHash of the first row being the empty string.
 * The last chainHash is the export's head, which the signed manifest carries.
 */
export const ROW_HASH_FIELDS = ['rowHash', 'chainHash'] as const;

/** The chain head of an export without rows. */
export const EMPTY_EXPORT_HEAD = '';

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The rowHash of a row's values (its own hash fields, when present, are left out). */
export function rowHashOf(row: object): string {
  const { rowHash: _rowHash, chainHash: _chainHash, ...values } = row as Record<string, unknown>;
  return sha256Hex(canonicalJson(values));
}

/** The chainHash of a row whose rowHash follows the row whose chainHash is `previous`. */
export function chainHashOf(previous: string, rowHash: string): string {
  return sha256Hex(`${previous}\n${rowHash}`);
}
