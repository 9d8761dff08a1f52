import { useState } from 'react';
import { Alert, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ShowMore } from '../../../components/ShowMore';
import rows from '../../../components/rows.module.css';
import { formatDate, formatTenge } from '../../../format';
import type { Language } from '../../../i18n/messages';
import { instalmentLabel } from '../instalment';
import { OrderStateBadge } from '../OrderStateBadge';
import type { RegisterOrder } from '../payments-api';

/** A month of a large region holds thousands of orders: a hundred at a time, as the lists page. */
const PAGE = 100;

/**
 * The month's orders, earliest due first: each leads to its family's schedule. Plain table rows
 * (rows.module.css), as the long lists have, so a month of thousands draws at once.
 */
export function RegisterOrdersTable({ orders, labelledBy }: { orders: readonly RegisterOrder[]; labelledBy: string }) {
  const { t, i18n } = useTranslation('payments');
  const language = i18n.language as Language;
  const [shown, setShown] = useState(PAGE);
  if (orders.length === 0)
    return (
      <Alert color="gray" variant="light" data-testid="empty">
        {t('register.none')}
      </Alert>
    );
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={1000}>
        <Table striped highlightOnHover verticalSpacing="xs" aria-labelledby={labelledBy}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('register.orders.order')}</Table.Th>
              <Table.Th>{t('register.orders.application')}</Table.Th>
              <Table.Th>{t('register.orders.instalment')}</Table.Th>
              <Table.Th>{t('register.orders.due')}</Table.Th>
              <Table.Th ta="right">{t('register.orders.amount')}</Table.Th>
              <Table.Th>{t('register.orders.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.slice(0, shown).map((order) => (
              <tr key={order.orderId} className={rows.row} data-testid="order-row" data-order={order.orderId}>
                <td className={`${rows.cell} ${rows.nowrap}`}>
                  <span className={rows.mono} translate="no">
                    {order.orderId}
                  </span>
                  {order.reissueOf && (
                    <Text size="xs" c="dimmed">
                      {t('register.orders.reissueOf', { order: order.reissueOf })}
                    </Text>
                  )}
                </td>
                <td className={rows.cell}>
                  <Link
                    className={`${rows.link} ${rows.mono} ${rows.nowrap}`}
                    style={{ fontSize: 'var(--mantine-font-size-xs)' }}
                    to={`/payments/families/${order.applicationId}`}
                    aria-label={t('register.orders.scheduleOf', { id: order.applicationId })}
                    translate="no"
                  >
                    {order.applicationId}
                  </Link>
                  <Text size="xs" c="dimmed">
                    {t(`region.${order.region}`, { ns: 'domain' })}
                  </Text>
                </td>
                <td className={rows.cell}>{instalmentLabel(t, order.instalment)}</td>
                <td className={`${rows.cell} ${rows.nowrap}`}>{formatDate(order.dueOn, language)}</td>
                <td className={`${rows.cell} ${rows.right} ${rows.nowrap}`} data-testid="amount">
                  {formatTenge(order.amount, language)}
                </td>
                <td className={`${rows.cell} ${rows.nowrap}`}>
                  <OrderStateBadge state={order.state} />
                  {order.paidOn && (
                    <Text size="xs" c="dimmed">
                      {t('register.orders.paidOn', { date: formatDate(order.paidOn, language) })}
                    </Text>
                  )}
                  {order.returnedOn && (
                    <Text size="xs" c="dimmed">
                      {t('register.orders.returnedOn', { date: formatDate(order.returnedOn, language) })}
                    </Text>
                  )}
                </td>
              </tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {orders.length > PAGE && (
        <Text size="xs" c="dimmed" ta="center">
          {t('register.orders.shown', { shown: Math.min(shown, orders.length), total: orders.length })}
        </Text>
      )}
      <ShowMore hasMore={shown < orders.length} loading={false} onMore={() => setShown(shown + PAGE)} />
    </Stack>
  );
}
