import { MultiSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { CommandDialog, ReasonInput } from '../../components/CommandDialog';
import { fieldError } from '../../components/field-errors';
import { useApplicationCommand, type LoadedApplication } from '../../components/useApplication';
import { useRefusalGrounds } from '../../components/useRefusalGrounds';

interface DialogProps {
  readonly application: LoadedApplication;
  readonly opened: boolean;
  readonly onClose: () => void;
}

export function ReassignDialog({ application, opened, onClose }: DialogProps) {
  const { t } = useTranslation('supervisor');
  const id = application.details.applicationId;
  const [toReviewerId, setReviewer] = useState('');
  const [reason, setReason] = useState('');
  const command = useApplicationCommand(id, onClose);
  return (
    <CommandDialog
      title={t('reassign.title')}
      opened={opened}
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={['toReviewerId', 'reason']}
      submitLabel={t('reassign.submit')}
      onSubmit={() =>
        command.mutate(() =>
          api.POST('/applications/{id}/reassign', {
            params: { path: { id }, header: { 'If-Match': application.etag } },
            body: { toReviewerId: toReviewerId.trim(), reason: reason.trim() },
          }),
        )
      }
    >
      <TextInput
        label={t('reassign.reviewer')}
        description={t('reassign.reviewerHint', { current: application.details.review.reviewerId ?? '—' })}
        value={toReviewerId}
        onChange={(event) => setReviewer(event.currentTarget.value)}
        error={fieldError(command.error, 'toReviewerId')}
        withAsterisk
        data-autofocus
        data-testid="to-reviewer"
      />
      <ReasonInput
        label={t('reassign.reason')}
        value={reason}
        onChange={setReason}
        error={fieldError(command.error, 'reason')}
      />
    </CommandDialog>
  );
}

export function RefuseDialog({ application, opened, onClose }: DialogProps) {
  const { t } = useTranslation('supervisor');
  const id = application.details.applicationId;
  const [grounds, setGrounds] = useState<string[]>([]);
  const [explanation, setExplanation] = useState('');
  const refusalGrounds = useRefusalGrounds();
  const command = useApplicationCommand(id, onClose);
  return (
    <CommandDialog
      title={t('refuse.title')}
      opened={opened}
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={['grounds', 'explanation']}
      submitLabel={t('refuse.submit')}
      danger
      onSubmit={() =>
        command.mutate(() =>
          api.POST('/applications/{id}/refuse', {
            params: { path: { id }, header: { 'If-Match': application.etag } },
            body: { grounds, explanation: explanation.trim() },
          }),
        )
      }
    >
      <MultiSelect
        label={t('refuse.grounds')}
        data={refusalGrounds.options}
        value={grounds}
        onChange={setGrounds}
        error={fieldError(command.error, 'grounds')}
        withAsterisk
        searchable
        comboboxProps={{ withinPortal: false }}
        data-testid="grounds"
      />
      <Textarea
        label={t('refuse.explanation')}
        description={t('refuse.explanationHint')}
        value={explanation}
        onChange={(event) => setExplanation(event.currentTarget.value)}
        error={fieldError(command.error, 'explanation')}
        withAsterisk
        autosize
        minRows={3}
        data-testid="explanation"
      />
    </CommandDialog>
  );
}

export function EscalateDialog({ application, opened, onClose }: DialogProps) {
  const { t } = useTranslation('supervisor');
  const id = application.details.applicationId;
  const [reason, setReason] = useState('');
  const command = useApplicationCommand(id, onClose);
  return (
    <CommandDialog
      title={t('escalate.title')}
      opened={opened}
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={['reason']}
      submitLabel={t('escalate.submit')}
      onSubmit={() =>
        command.mutate(() =>
          api.POST('/applications/{id}/escalate', {
            params: { path: { id }, header: { 'If-Match': application.etag } },
            body: { reason: reason.trim() },
          }),
        )
      }
    >
      <ReasonInput
        label={t('reassign.reason')}
        value={reason}
        onChange={setReason}
        error={fieldError(command.error, 'reason')}
      />
    </CommandDialog>
  );
}
