import { useState } from 'react';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard';
import { formatDate } from '../../../format';
import type { Language } from '../../../i18n/messages';
import { instalmentLabel } from '../instalment';
import type { Support, SupportOrder } from '../payments-api';
import { OrderActions } from './OrderActions';
import type { OrderAction } from './OrderActions';
import { OrderCell } from './OrderCell';
import { PaidDialog, ReissueDialog, ReturnedDialog } from './OrderDialogs';

/**
 * The schedule as the payment terms gave it at the arrival — the relocation payment, then rent month
 * by month — each instalment with its due day (and the day it was moved from), every order issued
 * for it and the bank's answer; the payments officer's actions under each order.
 */
export function ScheduleCard({ support, officer }: { support: Support; officer: boolean }) {
  const { t, i18n } = useTranslation('payments');
  const language = i18n.language as Language;
  const [action, setAction] = useState<{ kind: OrderAction; order: SupportOrder } | null>(null);
  const close = () => setAction(null);
  const ordersOf = (key: string) => support.orders.filter((order) => order.instalment === key);
  return (
    <SectionCard
      id="support-schedule"
      title={t('family.schedule.title')}
      caption={t('family.schedule.caption')}
      testId="support-schedule"
    >
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs" aria-labelledby="support-schedule">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('family.schedule.instalment')}</Table.Th>
              <Table.Th>{t('family.schedule.due')}</Table.Th>
              <Table.Th>{t('family.schedule.orders')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {support.schedule.map((instalment) => {
              const orders = ordersOf(instalment.key);
              return (
                <Table.Tr key={instalment.key} data-testid="instalment" data-instalment={instalment.key}>
                  <Table.Td>{instalmentLabel(t, instalment.key)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(instalment.dueOn, language)}
                    {instalment.scheduledOn !== instalment.dueOn && (
                      <Text size="xs" c="dimmed">
                        {t('family.schedule.movedFrom', { date: formatDate(instalment.scheduledOn, language) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {orders.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t(support.status === 'stopped' ? 'family.schedule.cancelled' : 'family.schedule.notYet')}
                      </Text>
                    ) : (
                      orders.map((order) => (
                        <OrderCell key={order.orderId} order={order} orders={orders}>
                          {officer && (
                            <OrderActions
                              support={support}
                              order={order}
                              onAction={(kind) => setAction({ kind, order })}
                            />
                          )}
                        </OrderCell>
                      ))
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {action?.kind === 'paid' && <PaidDialog support={support} order={action.order} onClose={close} />}
      {action?.kind === 'returned' && <ReturnedDialog support={support} order={action.order} onClose={close} />}
      {action?.kind === 'reissue' && <ReissueDialog support={support} order={action.order} onClose={close} />}
    </SectionCard>
  );
}
