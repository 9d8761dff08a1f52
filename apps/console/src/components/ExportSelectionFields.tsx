import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from './field-errors';

/** What an export (and a grant to export in clear) covers: one stream, one correlation, or a period. */
export type SelectionKind = 'stream' | 'correlation' | 'period';

export interface SelectionDraft {
  readonly kind: SelectionKind;
  readonly stream: string;
  readonly correlationId: string;
  /** Times as typed on the Almaty clock (`05.03.2026 18:00`). */
  readonly from: string;
  readonly to: string;
}

export const EMPTY_SELECTION: SelectionDraft = { kind: 'stream', stream: '', correlationId: '', from: '', to: '' };

/**
 * The selection's inputs, shared by the admin's grant and the auditor's export so both name it the
 * same way (a grant covers exactly the export that will be asked). The API names these fields
 * `selection.stream`, `selection.from`… in its errors, for a grant and an export alike.
 */
export function ExportSelectionFields({
  value,
  onChange,
  error,
}: {
  value: SelectionDraft;
  onChange: (next: SelectionDraft) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const set = (patch: Partial<SelectionDraft>) => onChange({ ...value, ...patch });
  const faultOf = (field: string) => fieldError(error, `selection.${field}`);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id={labelId}>
        {t('selection.kind')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value.kind}
        onChange={(kind) => set({ kind: kind })}
        data={(['stream', 'correlation', 'period'] as const).map((kind) => ({
          value: kind,
          label: t(`selection.${kind}`),
        }))}
      />
      {value.kind === 'stream' && (
        <TextInput
          label={t('selection.streamId')}
          description={t('selection.streamHint')}
          value={value.stream}
          onChange={(event) => set({ stream: event.currentTarget.value })}
          required
          error={faultOf('stream')}
        />
      )}
      {value.kind === 'correlation' && (
        <TextInput
          label={t('selection.correlationId')}
          value={value.correlationId}
          onChange={(event) => set({ correlationId: event.currentTarget.value })}
          required
          error={faultOf('correlationId')}
        />
      )}
      {value.kind === 'period' && (
        <Group grow align="flex-start">
          <TextInput
            label={t('selection.from')}
            placeholder={t('dateTimePlaceholder')}
            description={t('selection.almatyTime')}
            value={value.from}
            onChange={(event) => set({ from: event.currentTarget.value })}
            required
            error={faultOf('from')}
          />
          <TextInput
            label={t('selection.to')}
            placeholder={t('dateTimePlaceholder')}
            description={t('selection.almatyTime')}
            value={value.to}
            onChange={(event) => set({ to: event.currentTarget.value })}
            required
            error={faultOf('to')}
          />
        </Group>
      )}
    </Stack>
  );
}
