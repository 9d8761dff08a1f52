import { stringify } from 'csv-stringify/sync';
import type { Options } from 'csv-stringify/sync';

/**
 * RFC 4180 with csv-stringify: a field is quoted when it holds a comma, a double quote, CR or LF,
 * its inner quotes doubled. csv-stringify by itself quotes only a field holding the whole record
 * delimiter (CRLF), so `quoted_match` adds a lone CR or LF; no trailing delimiter (`eof: false`)
 * because the export hands out records and its writer adds the terminator (EXPORT_LINE_END).
 */
const RFC_4180_RECORD: Options = { record_delimiter: '\r\n', quoted_match: /[\r\n]/, eof: false };

/** One RFC 4180 record, without its line terminator (CRLF). */
export function csvRecord(fields: readonly string[]): string {
  return stringify([[...fields]], RFC_4180_RECORD);
}
