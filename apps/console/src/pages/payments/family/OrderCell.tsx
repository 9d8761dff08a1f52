import type { ReactNode } from 'react';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTenge } from '../../../format';
import type { Language } from '../../../i18n/messages';
import { OrderStateBadge } from '../OrderStateBadge';
import type { SupportOrder } from '../payments-api';

/**
 * One order of an instalment: its id, amount (and the MCI it was computed with), where it stands
 * with the bank and what the bank said; a re-issue names the order it pays again, and a returned
 * order the one that paid it again.
 */
export function OrderCell({
  order,
  orders,
  children,
}: {
  order: SupportOrder;
  orders: readonly SupportOrder[];
  /** What the officer may do with it, under it. */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation('payments');
  const language = i18n.language as Language;
  const { answer } = order;
  const reissuedAs = orders.find((other) => other.reissueOf === order.orderId);
  return (
    <Stack gap={2} mb={4} data-testid="order" data-order={order.orderId} data-state={answer.state}>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" ff="monospace" translate="no" style={{ whiteSpace: 'nowrap' }}>
          {order.orderId}
        </Text>
        <OrderStateBadge state={answer.state} />
      </Group>
      <Text size="sm">
        <Text span fw={500} data-testid="order-amount">
          {formatTenge(order.amount, language)}
        </Text>
        <Text span size="xs" c="dimmed">
          {' · '}
          {t('family.schedule.mci', { value: formatTenge(order.mci.value, language) })}
        </Text>
      </Text>
      {answer.state === 'paid' && (
        <Text size="xs" c="dimmed">
          {t('family.schedule.paid', { date: formatDate(answer.paidOn, language), reference: answer.bankReference })}
        </Text>
      )}
      {answer.state === 'returned' && (
        <Text size="xs" c="dimmed">
          {t('family.schedule.returned', { date: formatDate(answer.returnedOn, language), reason: answer.reason })}
        </Text>
      )}
      {order.reissueOf && (
        <Text size="xs" c="dimmed">
          {t('family.schedule.reissueOf', { order: order.reissueOf })}
        </Text>
      )}
      {reissuedAs && (
        <Text size="xs" c="dimmed">
          {t('family.schedule.reissuedAs', { order: reissuedAs.orderId })}
        </Text>
      )}
      {children}
    </Stack>
  );
}
