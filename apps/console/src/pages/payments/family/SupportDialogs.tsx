import { useState } from 'react';
import { Select, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { CommandDialog } from '../../../components/CommandDialog';
import { fieldError } from '../../../components/field-errors';
import { Fact } from '../../../components/Fact';
import type { Support } from '../payments-api';
import { datesOf } from './dates';
import { revisionOf, useSupportCommand } from './useSupport';

interface SupportDialogProps {
  readonly support: Support;
  readonly onClose: () => void;
}

/** The reasons an officer stops the support for; a revoked inclusion stops it by itself. */
const STOP_REASONS = ['departed', 'renounced'] as const;
type StopReason = (typeof STOP_REASONS)[number];

/** The account the family is paid to, corrected (a returned payment is paid again only to a new one). */
export function RecipientDialog({ support, onClose }: SupportDialogProps) {
  const { t } = useTranslation('payments');
  const id = support.applicationId;
  const [iban, setIban] = useState('');
  const command = useSupportCommand(id, onClose);
  return (
    <CommandDialog
      title={t('dialogs.recipient.title')}
      opened
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={['iban']}
      submitLabel={t('dialogs.recipient.submit')}
      onSubmit={() =>
        command.mutate(() =>
          api.POST('/applications/{id}/support/recipient', {
            params: { path: { id }, header: { 'If-Match': revisionOf(support) } },
            body: { iban: iban.replace(/\s/g, '').toUpperCase() },
          }),
        )
      }
    >
      <Text size="sm" c="dimmed">
        {t('dialogs.recipient.hint')}
      </Text>
      <Fact label={t('family.summary.iin')}>
        <span translate="no">{support.recipient.iin}</span>
      </Fact>
      <Fact label={t('dialogs.recipient.current')}>
        <span translate="no">{support.recipient.iban}</span>
      </Fact>
      <TextInput
        label={t('dialogs.recipient.iban')}
        description={t('dialogs.arrival.ibanHint')}
        placeholder="KZ00 000K ZT00 0000 0000"
        value={iban}
        onChange={(event) => setIban(event.currentTarget.value)}
        error={fieldError(command.error, 'iban')}
        withAsterisk
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        data-autofocus
        data-testid="iban"
      />
    </CommandDialog>
  );
}

/** The family left the region or renounced the support: every month not yet paid is cancelled. */
export function StopDialog({ support, onClose }: SupportDialogProps) {
  const { t } = useTranslation('payments');
  const id = support.applicationId;
  const [reason, setReason] = useState<StopReason | null>(null);
  const [effectiveOn, setEffectiveOn] = useState('');
  const command = useSupportCommand(id, onClose);
  return (
    <CommandDialog
      title={t('dialogs.stop.title')}
      opened
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={['reason', 'effectiveOn']}
      submitLabel={t('dialogs.stop.submit')}
      danger
      onSubmit={() =>
        command.mutate(() => {
          const dates = datesOf({ effectiveOn }, t('badDate', { ns: 'common' }));
          return api.POST('/applications/{id}/support/stop', {
            params: { path: { id }, header: { 'If-Match': revisionOf(support) } },
            // No reason chosen: sent as none, and the API names the field.
            body: { reason: reason as StopReason, effectiveOn: dates.effectiveOn },
          });
        })
      }
    >
      <Text size="sm" c="dimmed">
        {t('dialogs.stop.hint')}
      </Text>
      <Select
        label={t('dialogs.stop.reason')}
        data={STOP_REASONS.map((value) => ({ value, label: t(`family.stop.reasons.${value}`) }))}
        value={reason}
        onChange={(value) => setReason(value)}
        error={fieldError(command.error, 'reason')}
        withAsterisk
        comboboxProps={{ withinPortal: false }}
        data-testid="stop-reason"
      />
      <TextInput
        label={t('dialogs.stop.effectiveOn')}
        placeholder={t('datePlaceholder', { ns: 'common' })}
        value={effectiveOn}
        onChange={(event) => setEffectiveOn(event.currentTarget.value)}
        error={fieldError(command.error, 'effectiveOn')}
        withAsterisk
        w={200}
        data-testid="effective-on"
      />
    </CommandDialog>
  );
}
