import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { CommandDialog, ReasonInput } from '../../components/CommandDialog';
import { fieldError } from '../../components/field-errors';
import { useApplicationCommand, type LoadedApplication } from '../../components/useApplication';

export interface ApplicationDialogProps {
  readonly application: LoadedApplication;
  readonly opened: boolean;
  readonly onClose: () => void;
}

/** The supervisor makes the proposed refusal final: the applicant then gets the decision and may complain. */
export function ConfirmRefusalDialog({ application, opened, onClose }: ApplicationDialogProps) {
  const { t } = useTranslation('hearing');
  const id = application.details.applicationId;
  const command = useApplicationCommand(id, onClose);
  return (
    <CommandDialog
      title={t('confirm.title')}
      opened={opened}
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={[]}
      submitLabel={t('confirm.submit')}
      danger
      onSubmit={() =>
        command.mutate(() =>
          api.POST('/applications/{id}/refusal/confirm', {
            params: { path: { id }, header: { 'If-Match': application.etag } },
            body: {},
          }),
        )
      }
    >
      <Text size="sm">{t('confirm.text')}</Text>
    </CommandDialog>
  );
}

/** The supervisor withdraws the proposal: the application is eligible after all and the quota is asked again. */
export function ReopenDialog({ application, opened, onClose }: ApplicationDialogProps) {
  const { t } = useTranslation('hearing');
  const id = application.details.applicationId;
  const [reason, setReason] = useState('');
  const command = useApplicationCommand(id, onClose);
  return (
    <CommandDialog
      title={t('reopen.title')}
      opened={opened}
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={['reason']}
      submitLabel={t('reopen.submit')}
      onSubmit={() =>
        command.mutate(() =>
          api.POST('/applications/{id}/refusal/reopen', {
            params: { path: { id }, header: { 'If-Match': application.etag } },
            body: { reason: reason.trim() },
          }),
        )
      }
    >
      <Text size="sm">{t('reopen.text')}</Text>
      <ReasonInput
        label={t('reopen.reason')}
        value={reason}
        onChange={setReason}
        error={fieldError(command.error, 'reason')}
        autoFocus
      />
    </CommandDialog>
  );
}
