import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SlaIcon } from '../../components/SlaIcon';
import type { SlaCounts, SlaRegion } from '../../api/shapes';
import type { Language } from '../../i18n/messages';
import { formatNumber } from '../../format';

/** A count that needs attention is dark red or amber, with the clock's icon beside it; zero stays plain. */
function Count({ value, tone, state }: { value: number; tone?: 'amber' | 'red'; state?: 'at-risk' | 'breached' }) {
  const { i18n } = useTranslation();
  const alert = value > 0 && tone !== undefined;
  return (
    <Text
      size="sm"
      ta="right"
      fw={alert ? 700 : 400}
      c={alert ? (tone === 'red' ? '#8a1010' : '#6b3a00') : undefined}
      span
      style={{ display: 'inline-flex', gap: 4, alignItems: 'center', justifyContent: 'flex-end', width: '100%' }}
    >
      {alert && state && <SlaIcon state={state} />}
      {formatNumber(value, i18n.language as Language)}
    </Text>
  );
}

/** Per region (and all of them): the open reviews on time, at risk, breached; the decisions on time and late. */
export function SlaBoardTable({ rows, overall }: { rows: readonly SlaRegion[]; overall: SlaCounts }) {
  const { t } = useTranslation('supervisor');
  const line = (key: string, label: string, counts: SlaCounts, strong = false) => (
    <Table.Tr key={key} data-testid={`sla-row-${key}`} fw={strong ? 700 : undefined}>
      <Table.Th scope="row" fw={strong ? 700 : 500}>
        {label}
      </Table.Th>
      <Table.Td>
        <Count value={counts.openOnTime} />
      </Table.Td>
      <Table.Td data-testid="at-risk">
        <Count value={counts.atRisk} tone="amber" state="at-risk" />
      </Table.Td>
      <Table.Td data-testid="breached">
        <Count value={counts.breached} tone="red" state="breached" />
      </Table.Td>
      <Table.Td>
        <Count value={counts.decidedOnTime} />
      </Table.Td>
      <Table.Td>
        <Count value={counts.decidedLate} tone="red" state="breached" />
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" data-testid="sla-board">
        <Table.Caption>{t('board.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('board.region')}</Table.Th>
            <Table.Th ta="right">{t('sla.onTime', { ns: 'domain' })}</Table.Th>
            <Table.Th ta="right">{t('sla.atRisk', { ns: 'domain' })}</Table.Th>
            <Table.Th ta="right">{t('sla.breached', { ns: 'domain' })}</Table.Th>
            <Table.Th ta="right">{t('sla.decidedOnTime', { ns: 'domain' })}</Table.Th>
            <Table.Th ta="right">{t('sla.decidedLate', { ns: 'domain' })}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => line(row.region, t(`region.${row.region}`, { ns: 'domain' }), row))}
        </Table.Tbody>
        <Table.Tfoot>{line('overall', t('board.overall'), overall, true)}</Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
