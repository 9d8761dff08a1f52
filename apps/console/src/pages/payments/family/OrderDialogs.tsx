import { useState } from 'react';
import { Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { CommandDialog, ReasonInput } from '../../../components/CommandDialog';
import { fieldError } from '../../../components/field-errors';
import { formatTenge } from '../../../format';
import type { Language } from '../../../i18n/messages';
import { instalmentLabel } from '../instalment';
import type { Support, SupportOrder } from '../payments-api';
import { datesOf } from './dates';
import { revisionOf, useSupportCommand } from './useSupport';

export interface OrderDialogProps {
  readonly support: Support;
  readonly order: SupportOrder;
  readonly onClose: () => void;
}

/** Which order the dialog is about, in words: its id, its instalment, its amount. */
function OrderLine({ order }: { order: SupportOrder }) {
  const { t, i18n } = useTranslation('payments');
  return (
    <Text size="sm">
      {t('dialogs.order', {
        order: order.orderId,
        instalment: instalmentLabel(t, order.instalment),
        amount: formatTenge(order.amount, i18n.language as Language),
      })}
    </Text>
  );
}

function DateInput({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      placeholder={t('datePlaceholder')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      withAsterisk
      w={200}
      data-testid={testId}
    />
  );
}

/** The bank paid the order: the day, and the bank's reference of the payment. */
export function PaidDialog({ support, order, onClose }: OrderDialogProps) {
  const { t } = useTranslation('payments');
  const id = support.applicationId;
  const [paidOn, setPaidOn] = useState('');
  const [bankReference, setReference] = useState('');
  const command = useSupportCommand(id, onClose);
  return (
    <CommandDialog
      title={t('dialogs.paid.title')}
      opened
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={['paidOn', 'bankReference']}
      submitLabel={t('dialogs.paid.submit')}
      onSubmit={() =>
        command.mutate(() => {
          const dates = datesOf({ paidOn }, t('badDate', { ns: 'common' }));
          return api.POST('/applications/{id}/support/orders/{orderId}/paid', {
            params: { path: { id, orderId: order.orderId }, header: { 'If-Match': revisionOf(support) } },
            body: { paidOn: dates.paidOn, bankReference: bankReference.trim() },
          });
        })
      }
    >
      <OrderLine order={order} />
      <DateInput
        label={t('dialogs.paid.paidOn')}
        value={paidOn}
        onChange={setPaidOn}
        error={fieldError(command.error, 'paidOn')}
        testId="paid-on"
      />
      <TextInput
        label={t('dialogs.paid.reference')}
        value={bankReference}
        onChange={(event) => setReference(event.currentTarget.value)}
        error={fieldError(command.error, 'bankReference')}
        withAsterisk
        data-testid="bank-reference"
      />
    </CommandDialog>
  );
}

/** The bank returned the order's payment: the day, and the bank's reason. */
export function ReturnedDialog({ support, order, onClose }: OrderDialogProps) {
  const { t } = useTranslation('payments');
  const id = support.applicationId;
  const [returnedOn, setReturnedOn] = useState('');
  const [reason, setReason] = useState('');
  const command = useSupportCommand(id, onClose);
  return (
    <CommandDialog
      title={t('dialogs.returned.title')}
      opened
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={['returnedOn', 'reason']}
      submitLabel={t('dialogs.returned.submit')}
      danger
      onSubmit={() =>
        command.mutate(() => {
          const dates = datesOf({ returnedOn }, t('badDate', { ns: 'common' }));
          return api.POST('/applications/{id}/support/orders/{orderId}/returned', {
            params: { path: { id, orderId: order.orderId }, header: { 'If-Match': revisionOf(support) } },
            body: { returnedOn: dates.returnedOn, reason: reason.trim() },
          });
        })
      }
    >
      <OrderLine order={order} />
      <DateInput
        label={t('dialogs.returned.returnedOn')}
        value={returnedOn}
        onChange={setReturnedOn}
        error={fieldError(command.error, 'returnedOn')}
        testId="returned-on"
      />
      <ReasonInput
        label={t('dialogs.returned.reason')}
        value={reason}
        onChange={setReason}
        error={fieldError(command.error, 'reason')}
      />
    </CommandDialog>
  );
}

/** A returned order paid again, the same amount to the corrected account: a new order naming the first. */
export function ReissueDialog({ support, order, onClose }: OrderDialogProps) {
  const { t, i18n } = useTranslation('payments');
  const id = support.applicationId;
  const command = useSupportCommand(id, onClose);
  return (
    <CommandDialog
      title={t('dialogs.reissue.title')}
      opened
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={[]}
      submitLabel={t('dialogs.reissue.submit')}
      onSubmit={() =>
        command.mutate(() =>
          api.POST('/applications/{id}/support/orders/{orderId}/reissue', {
            params: { path: { id, orderId: order.orderId }, header: { 'If-Match': revisionOf(support) } },
          }),
        )
      }
    >
      <OrderLine order={order} />
      <Text size="sm">
        {t('dialogs.reissue.body', {
          amount: formatTenge(order.amount, i18n.language as Language),
          iban: support.recipient.iban,
        })}
      </Text>
    </CommandDialog>
  );
}
