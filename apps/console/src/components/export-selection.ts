import { parseAlmatyDateTime } from '../format/parse';
import type { SelectionDraft } from './ExportSelectionFields';
import { refusedInput } from './field-errors';

/**
 * The selection as the API takes it: exactly one of `{ stream }`, `{ correlationId }`, `{ from, to }`.
 * A period's times are typed on the Almaty clock; one that cannot be read is refused here, under its
 * field, with `badTime` (the officer's words for the expected form).
 */
export function selectionOf(
  draft: SelectionDraft,
  badTime: string,
): { stream: string } | { correlationId: string } | { from: string; to: string } {
  switch (draft.kind) {
    case 'stream':
      return { stream: draft.stream.trim() };
    case 'correlation':
      return { correlationId: draft.correlationId.trim() };
    case 'period': {
      const from = parseAlmatyDateTime(draft.from);
      const to = parseAlmatyDateTime(draft.to);
      if (from === null || to === null)
        throw refusedInput([
          ...(from === null ? [{ field: 'selection.from', reason: badTime }] : []),
          ...(to === null ? [{ field: 'selection.to', reason: badTime }] : []),
        ]);
      return { from, to };
    }
  }
}
