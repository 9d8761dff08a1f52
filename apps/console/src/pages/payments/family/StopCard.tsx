import { Alert, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/Fact';
import { formatDate, formatTenge } from '../../../format';
import type { Language } from '../../../i18n/messages';
import { instalmentLabel } from '../instalment';
import type { Support } from '../payments-api';

type Stop = NonNullable<Support['stop']>;

/** Why and from when the support stopped, and what the stop listed for recovery (listed, not claimed). */
export function StopCard({ stop }: { stop: Stop }) {
  const { t, i18n } = useTranslation('payments');
  const language = i18n.language as Language;
  const { recovery } = stop;
  return (
    <Alert color="red" variant="light" title={t('family.stop.title')} data-testid="support-stop">
      <SimpleGrid cols={2} spacing="sm">
        <Fact label={t('family.stop.reason')}>{t(`family.stop.reasons.${stop.reason}`)}</Fact>
        <Fact label={t('family.stop.effectiveOn')}>{formatDate(stop.effectiveOn, language)}</Fact>
        <Fact label={t('family.stop.recovery')}>{t(`family.stop.scopes.${recovery.scope}`)}</Fact>
        <Fact label={t('family.stop.recoveryTotal')} strong>
          <span data-testid="recovery-total">{formatTenge(recovery.total, language)}</span>
        </Fact>
      </SimpleGrid>
      {recovery.items.length === 0 ? (
        <Text size="sm" mt="xs">
          {t('family.stop.nothingToRecover')}
        </Text>
      ) : (
        <Table verticalSpacing={4} mt="xs" aria-label={t('family.stop.recovery')}>
          <Table.Tbody>
            {recovery.items.map((item) => (
              <Table.Tr key={item.orderId} data-testid="recovery-item">
                <Table.Td>{instalmentLabel(t, item.instalment)}</Table.Td>
                <Table.Td ff="monospace" translate="no">
                  {item.orderId}
                </Table.Td>
                <Table.Td>{formatDate(item.paidOn, language)}</Table.Td>
                <Table.Td ta="right">{formatTenge(item.amount, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Alert>
  );
}
