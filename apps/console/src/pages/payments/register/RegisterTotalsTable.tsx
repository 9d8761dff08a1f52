import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatTenge } from '../../../format';
import type { Language } from '../../../i18n/messages';
import type { GrandTotal, Register } from '../payments-api';

const AMOUNTS = ['committed', 'paid', 'returned', 'pending', 'cancelled'] as const;

/** Per region, and all of them: the month's orders and their sums in tenge, as the register totals them. */
export function RegisterTotalsTable({ register }: { register: Register }) {
  const { t, i18n } = useTranslation('payments');
  const language = i18n.language as Language;
  const line = (key: string, label: string, totals: GrandTotal, strong = false) => (
    <Table.Tr key={key} data-testid={`totals-${key}`} fw={strong ? 700 : undefined}>
      <Table.Th scope="row" fw={strong ? 700 : 500}>
        {label}
      </Table.Th>
      <Table.Td ta="right" data-testid="orders">
        {formatNumber(totals.orders, language)}
      </Table.Td>
      {AMOUNTS.map((amount) => (
        <Table.Td key={amount} ta="right" data-testid={amount} style={{ whiteSpace: 'nowrap' }}>
          {formatTenge(totals[amount], language)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="xs" aria-labelledby="register-totals">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('register.totals.region')}</Table.Th>
            <Table.Th ta="right">{t('register.totals.orders')}</Table.Th>
            {AMOUNTS.map((amount) => (
              <Table.Th key={amount} ta="right">
                {t(`register.totals.${amount}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {register.totals.map((row) => line(row.region, t(`region.${row.region}`, { ns: 'domain' }), row))}
        </Table.Tbody>
        <Table.Tfoot>{line('overall', t('register.totals.overall'), register.grandTotal, true)}</Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
