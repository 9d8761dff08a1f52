import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Support, SupportOrder } from '../payments-api';

export type OrderAction = 'paid' | 'returned' | 'reissue';

/**
 * What the payments officer may do with an order, as its state allows: the bank's answer to an
 * order awaiting it, and a returned order paid again — once, after the account was corrected (the
 * API refuses otherwise; the console says so before asking).
 */
export function OrderActions({
  support,
  order,
  onAction,
}: {
  support: Support;
  order: SupportOrder;
  onAction: (action: OrderAction) => void;
}) {
  const { t } = useTranslation('payments');
  const { state } = order.answer;
  // Its visible words first, then which order: a screen reader tells one row's button from another's.
  const actionOf = (action: string) =>
    t('family.schedule.actionOf', { action: t(`family.schedule.${action}`), order: order.orderId });
  if (state === 'pending')
    return (
      <Group gap="xs" mt={2} wrap="nowrap">
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => onAction('paid')}
          aria-label={actionOf('recordPaid')}
          data-testid="record-paid"
        >
          {t('family.schedule.recordPaid')}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => onAction('returned')}
          aria-label={actionOf('recordReturned')}
          data-testid="record-returned"
        >
          {t('family.schedule.recordReturned')}
        </Button>
      </Group>
    );
  const reissued = support.orders.some((other) => other.reissueOf === order.orderId);
  if (state !== 'returned' || reissued || support.status !== 'open') return null;
  const corrected = order.recipient.iban !== support.recipient.iban;
  return (
    <Group gap="xs" mb={4} wrap="nowrap">
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => onAction('reissue')}
        disabled={!corrected}
        aria-label={actionOf('reissue')}
        data-testid="reissue"
      >
        {t('family.schedule.reissue')}
      </Button>
      {!corrected && (
        <Text size="xs" c="dimmed">
          {t('family.schedule.correctFirst')}
        </Text>
      )}
    </Group>
  );
}
