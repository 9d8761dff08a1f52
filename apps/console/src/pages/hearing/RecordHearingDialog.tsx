import { Button, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AddedDocument, HearingAttendance } from '../../api/hearing-complaint-api';
import { CommandDialog } from '../../components/CommandDialog';
import { fieldError, refusedInput } from '../../components/field-errors';
import { useApplicationCommand } from '../../components/useApplication';
import { formatInstant } from '../../format';
import { parseAlmatyDateTime } from '../../format/parse';
import type { ApplicationDialogProps } from './DecideProposalDialogs';

const ATTENDANCES: readonly HearingAttendance[] = ['attended', 'absent', 'in-writing'];

/**
 * The record of the hearing (once per proposal): when it was held on the Astana clock (now by
 * default: it is usually written right after), whether the applicant came, what was said, and the
 * documents the applicant brought. The officer who records it is the one who heard (the API takes it
 * from the token).
 */
export function RecordHearingDialog({ application, opened, onClose }: ApplicationDialogProps) {
  const { t } = useTranslation('hearing');
  const id = application.details.applicationId;
  const [heldAt, setHeldAt] = useState(() => formatInstant(new Date().toISOString()));
  const [attendance, setAttendance] = useState<HearingAttendance>('attended');
  const [statement, setStatement] = useState('');
  const [documents, setDocuments] = useState<AddedDocument[]>([]);
  const command = useApplicationCommand(id, onClose);
  const error = command.error;
  const submit = () =>
    command.mutate(() => {
      const at = parseAlmatyDateTime(heldAt);
      if (at === null) throw refusedInput([{ field: 'heldAt', reason: t('badDateTime', { ns: 'common' }) }]);
      const documentsAdded = documents
        .map((document) => ({ title: document.title.trim(), reference: document.reference.trim() }))
        .filter((document) => document.title || document.reference);
      return api.POST('/applications/{id}/hearing', {
        params: { path: { id }, header: { 'If-Match': application.etag } },
        body: { heldAt: at, attendance, statement: statement.trim(), documentsAdded },
      });
    });
  const setDocument = (index: number, change: Partial<AddedDocument>) =>
    setDocuments((before) => before.map((document, at) => (at === index ? { ...document, ...change } : document)));
  return (
    <CommandDialog
      title={t('record.title')}
      opened={opened}
      onClose={onClose}
      pending={command.isPending}
      problem={error}
      shown={['heldAt', 'attendance', 'statement', 'documentsAdded']}
      submitLabel={t('record.submit')}
      onSubmit={submit}
    >
      <TextInput
        label={t('record.heldAt')}
        placeholder={t('dateTimePlaceholder', { ns: 'common' })}
        value={heldAt}
        onChange={(event) => setHeldAt(event.currentTarget.value)}
        error={fieldError(error, 'heldAt')}
        withAsterisk
        maw={320}
        data-testid="held-at"
      />
      <Radio.Group
        label={t('record.attendance')}
        value={attendance}
        onChange={(value) => setAttendance(value)}
        error={fieldError(error, 'attendance')}
        withAsterisk
      >
        <Group mt={4}>
          {ATTENDANCES.map((value) => (
            <Radio key={value} value={value} label={t(`hearing.attendance.${value}`, { ns: 'domain' })} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea
        label={t('record.statement')}
        description={t('record.statementHint')}
        value={statement}
        onChange={(event) => setStatement(event.currentTarget.value)}
        error={fieldError(error, 'statement')}
        withAsterisk
        autosize
        minRows={3}
        data-autofocus
        data-testid="statement-input"
      />
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('record.documents')}
        </Text>
        {documents.map((document, index) => (
          <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('record.documentTitle')}
              value={document.title}
              onChange={(event) => setDocument(index, { title: event.currentTarget.value })}
              error={fieldError(error, `documentsAdded[${index}].title`)}
              flex={1}
            />
            <TextInput
              label={t('record.documentReference')}
              value={document.reference}
              onChange={(event) => setDocument(index, { reference: event.currentTarget.value })}
              error={fieldError(error, `documentsAdded[${index}].reference`)}
              flex={1}
            />
            <Button
              variant="subtle"
              color="red.9"
              aria-label={t('record.removeDocument', { n: index + 1 })}
              onClick={() => setDocuments((before) => before.filter((_, at) => at !== index))}
            >
              ×
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => setDocuments((before) => [...before, { title: '', reference: '' }])}
            data-testid="add-document"
          >
            {t('record.addDocument')}
          </Button>
        </Group>
      </Stack>
    </CommandDialog>
  );
}
