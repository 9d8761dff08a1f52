import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../format';
import type { Language } from '../../../i18n';
import type { Subscriptions } from './health-api';

const STATE_COLOR = { running: 'green', idle: 'gray', stopped: 'orange', failed: 'red' } as const;

/** Each subscription: its state, where it stands, and how far it trails the store's head. */
export function SubscriptionsTable({ subscriptions }: { subscriptions: Subscriptions }) {
  const { t, i18n } = useTranslation('operator');
  const language = i18n.language as Language;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped verticalSpacing="xs" aria-label={t('health.subscriptions.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('health.subscriptions.name')}</Table.Th>
            <Table.Th>{t('health.subscriptions.state')}</Table.Th>
            <Table.Th ta="right">{t('health.subscriptions.checkpoint')}</Table.Th>
            <Table.Th ta="right">{t('health.subscriptions.progress')}</Table.Th>
            <Table.Th ta="right">{t('health.subscriptions.behind')}</Table.Th>
            <Table.Th>{t('health.subscriptions.failure')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subscriptions.items.map((item) => (
            <Table.Tr key={item.name} data-testid={`subscription-${item.name}`}>
              <Table.Td ff="monospace" fz="sm" translate="no">
                {item.name}
              </Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[item.state]} variant="light">
                  {t(`health.subscriptions.states.${item.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{item.checkpoint ?? '—'}</Table.Td>
              <Table.Td ta="right">{item.progress ?? '—'}</Table.Td>
              <Table.Td ta="right">
                <Text
                  size="sm"
                  fw={item.positionsBehind > 0 ? 700 : 400}
                  c={item.positionsBehind > 100 ? 'red.9' : undefined}
                >
                  {formatNumber(item.positionsBehind, language)}
                </Text>
              </Table.Td>
              <Table.Td translate="no">{item.lastFailure ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
