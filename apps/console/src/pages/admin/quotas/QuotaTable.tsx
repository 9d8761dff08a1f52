import { Button, Group, Progress, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant, formatNumber } from '../../../format';
import type { Language } from '../../../i18n';
import type { QuotaRow } from './quota-api';

/** Share of the capacity taken, in percent to a tenth (3 of 977 is 0.3%, not 0%); none without a capacity. */
export function fillOf(row: QuotaRow): number | null {
  if (row.capacity === null || row.capacity === 0) return null;
  return Math.round((row.seatsTaken / row.capacity) * 1000) / 10;
}

/** Each region's quota of the year and category: its order, capacity and fill; a new order from its row. */
export function QuotaTable({ rows, onChange }: { rows: readonly QuotaRow[]; onChange: (row: QuotaRow) => void }) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  const number = (value: number) => formatNumber(value, language);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('quotas.table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('quotas.table.region')}</Table.Th>
            <Table.Th ta="right">{t('quotas.table.capacity')}</Table.Th>
            <Table.Th ta="right">{t('quotas.table.taken')}</Table.Th>
            <Table.Th ta="right">{t('quotas.table.remaining')}</Table.Th>
            <Table.Th w={160}>{t('quotas.table.fill')}</Table.Th>
            <Table.Th>{t('quotas.table.order')}</Table.Th>
            <Table.Th>{t('quotas.table.updated')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('quotas.table.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const fill = fillOf(row);
            const region = t(`region.${row.region}`, { ns: 'domain' });
            return (
              <Table.Tr key={`${row.region}-${row.year}-${row.category}`} data-testid={`quota-${row.region}`}>
                <Table.Td>{region}</Table.Td>
                <Table.Td ta="right">{row.capacity === null ? '—' : number(row.capacity)}</Table.Td>
                <Table.Td ta="right">{number(row.seatsTaken)}</Table.Td>
                <Table.Td ta="right">{row.capacity === null ? '—' : number(row.remaining)}</Table.Td>
                <Table.Td>
                  {fill === null ? (
                    '—'
                  ) : (
                    <Group gap="xs" wrap="nowrap">
                      <Progress
                        value={fill}
                        w={90}
                        color={fill >= 100 ? 'red.8' : fill >= 90 ? 'orange.8' : 'blue.8'}
                        aria-label={t('quotas.table.fillOf', { region })}
                      />
                      <Text size="sm">{formatNumber(fill, language)}%</Text>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  {row.order === null
                    ? t('quotas.noOrder')
                    : row.order.number
                      ? t('quotas.orderNumbered', {
                          number: row.order.number,
                          date: formatDate(row.order.date, language),
                        })
                      : t('quotas.orderUnnumbered', { date: formatDate(row.order.date, language) })}
                </Table.Td>
                <Table.Td>{formatInstant(row.updatedAt, language)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => onChange(row)}
                    aria-label={t('quotas.changeOf', { region })}
                  >
                    {t('quotas.change')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
