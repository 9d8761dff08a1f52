import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EMPTY_SELECTION, ExportSelectionFields } from '../../../components/ExportSelectionFields';
import type { SelectionDraft } from '../../../components/ExportSelectionFields';
import { selectionOf } from '../../../components/export-selection';
import { fieldError, onlyFieldErrors } from '../../../components/field-errors';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { exportFile, save } from './export-file';
import type { ExportedFile, ExportFormat } from './export-file';
import { ManifestCard } from './ManifestCard';

const FIELDS = ['selection', 'format', 'grant'];

/**
 * Exports for outside audit tools (ADR 25): a stream, a correlation or a period, as JSON Lines or
 * CSV, every row hashed and the whole signed. Masked unless the auditor gives an administrator's
 * grant for exactly this selection (ADR 26; used once). `?stream=` preselects a stream.
 */
export function ExportsPage() {
  const { t } = useTranslation('auditor');
  const [params] = useSearchParams();
  const [selection, setSelection] = useState<SelectionDraft>(() => ({
    ...EMPTY_SELECTION,
    stream: params.get('stream') ?? '',
  }));
  const [format, setFormat] = useState<ExportFormat>('jsonl');
  const [grant, setGrant] = useState('');
  const [saved, setSaved] = useState<{ file: ExportedFile; url: string } | null>(null);
  useEffect(() => () => (saved ? URL.revokeObjectURL(saved.url) : undefined), [saved]);
  const run = useMutation({
    mutationFn: () =>
      exportFile(selectionOf(selection, t('badDateTime', { ns: 'common' })), format, grant.trim() || undefined),
    onSuccess: (file) => setSaved({ file, url: save(file) }),
  });
  const error = run.error;
  return (
    <Stack gap="md">
      <Title order={2}>{t('exports.title')}</Title>
      <Text c="dimmed" maw={900}>
        {t('exports.caption')}
      </Text>
      <Card withBorder maw={900}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            run.mutate();
          }}
        >
          <Stack gap="sm">
            <ExportSelectionFields value={selection} onChange={setSelection} error={error} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="export-format-label">
                {t('exports.format')}
              </Text>
              <SegmentedControl
                aria-labelledby="export-format-label"
                value={format}
                onChange={(value) => setFormat(value)}
                data={[
                  { value: 'jsonl', label: 'JSON Lines' },
                  { value: 'csv', label: 'CSV' },
                ]}
                w={260}
              />
            </Stack>
            <TextInput
              label={t('exports.grant')}
              description={t('exports.grantHint')}
              value={grant}
              onChange={(event) => setGrant(event.currentTarget.value)}
              error={fieldError(error, 'grant') ?? fieldError(error, 'unmask')}
              maw={480}
            />
            {error && !onlyFieldErrors(error, FIELDS) && <ProblemAlert problem={error} />}
            <Group justify="flex-end">
              <Button type="submit" loading={run.isPending}>
                {t('exports.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {saved && (
        <Alert color="green" role="status" title={t('exports.saved')}>
          <Text size="sm" ff="monospace" translate="no">
            {saved.file.name}
          </Text>
          <Anchor href={saved.url} download={saved.file.name} c="inherit" underline="always" fw={500}>
            {t('exports.saveAgain')}
          </Anchor>
        </Alert>
      )}
      {saved?.file.manifest && <ManifestCard manifest={saved.file.manifest} />}
      {saved && !saved.file.manifest && (
        <Alert color="blue" title={t('exports.csvManifest.title')}>
          {t('exports.csvManifest.body')}
        </Alert>
      )}
    </Stack>
  );
}
