import { useState } from 'react';
import { Group, Select, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { CommandDialog } from '../../../components/CommandDialog';
import { fieldError } from '../../../components/field-errors';
import { supportKey } from '../payments-api';
import { datesOf } from './dates';
import { arrivalRecorded } from './useSupport';

const KINDS = ['city', 'town', 'village'] as const;
type SettlementKind = (typeof KINDS)[number];

const FIELDS = [
  'settlement.kind',
  'settlement.name',
  'arrivedOn',
  'registration.address',
  'registration.registeredOn',
  'iban',
];

/**
 * The included family has arrived in its region (ADR 33): where it settled, when, where it is
 * registered, and the account it is paid to. The API refuses it for a family not included, a date
 * before the decision or in the future, or an IBAN whose check digits do not match — each by field.
 */
export function ArrivalDialog({ applicationId, onClose }: { applicationId: string; onClose: () => void }) {
  const { t } = useTranslation('payments');
  const client = useQueryClient();
  const [kind, setKind] = useState<SettlementKind | null>(null);
  const [settlement, setSettlement] = useState('');
  const [arrivedOn, setArrivedOn] = useState('');
  const [address, setAddress] = useState('');
  const [registeredOn, setRegisteredOn] = useState('');
  const [iban, setIban] = useState('');
  const command = useMutation({
    mutationFn: async () => {
      const dates = datesOf({ arrivedOn, 'registration.registeredOn': registeredOn }, t('badDate', { ns: 'common' }));
      return data(
        api.POST('/applications/{id}/arrival', {
          params: { path: { id: applicationId } },
          body: {
            // No kind chosen: sent as none, and the API names the field.
            settlement: { kind: kind as SettlementKind, name: settlement.trim() },
            arrivedOn: dates.arrivedOn,
            registration: { address: address.trim(), registeredOn: dates['registration.registeredOn'] },
            iban: iban.replace(/\s/g, '').toUpperCase(),
          },
        }),
      );
    },
    onSuccess: async () => {
      arrivalRecorded(applicationId);
      onClose();
      await client.invalidateQueries({ queryKey: supportKey(applicationId) });
    },
  });
  const error = command.error;
  const date = (value: string, set: (value: string) => void, field: string, label: string, testId: string) => (
    <TextInput
      label={label}
      placeholder={t('datePlaceholder', { ns: 'common' })}
      value={value}
      onChange={(event) => set(event.currentTarget.value)}
      error={fieldError(error, field)}
      withAsterisk
      w={200}
      data-testid={testId}
    />
  );
  return (
    <CommandDialog
      title={t('dialogs.arrival.title')}
      opened
      onClose={onClose}
      pending={command.isPending}
      problem={error}
      shown={FIELDS}
      submitLabel={t('dialogs.arrival.submit')}
      onSubmit={() => command.mutate()}
    >
      <Text size="sm" c="dimmed">
        {t('dialogs.arrival.hint')}
      </Text>
      <Group grow align="flex-start">
        <Select
          label={t('dialogs.arrival.kind')}
          data={KINDS.map((value) => ({ value, label: t(`dialogs.arrival.kinds.${value}`) }))}
          value={kind}
          onChange={(value) => setKind(value)}
          error={fieldError(error, 'settlement.kind')}
          withAsterisk
          comboboxProps={{ withinPortal: false }}
          data-testid="settlement-kind"
        />
        <TextInput
          label={t('dialogs.arrival.settlement')}
          value={settlement}
          onChange={(event) => setSettlement(event.currentTarget.value)}
          error={fieldError(error, 'settlement.name')}
          withAsterisk
          data-testid="settlement-name"
        />
      </Group>
      {date(arrivedOn, setArrivedOn, 'arrivedOn', t('dialogs.arrival.arrivedOn'), 'arrived-on')}
      <TextInput
        label={t('dialogs.arrival.address')}
        value={address}
        onChange={(event) => setAddress(event.currentTarget.value)}
        error={fieldError(error, 'registration.address')}
        withAsterisk
        data-testid="address"
      />
      {date(
        registeredOn,
        setRegisteredOn,
        'registration.registeredOn',
        t('dialogs.arrival.registeredOn'),
        'registered-on',
      )}
      <TextInput
        label={t('dialogs.arrival.iban')}
        description={t('dialogs.arrival.ibanHint')}
        placeholder="KZ00 000K ZT00 0000 0000"
        value={iban}
        onChange={(event) => setIban(event.currentTarget.value)}
        error={fieldError(error, 'iban')}
        withAsterisk
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        data-testid="iban"
      />
    </CommandDialog>
  );
}
