import { Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDate, formatTenge } from '../../../format';
import type { Language } from '../../../i18n';
import { AmendmentsTable } from './AmendmentsTable';
import { InForceCard } from './InForceCard';
import { mci } from './law-api';

/** The monthly calculation index from each date on (several a year when the budget was amended). */
export function MciTab() {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  const table = useQuery({ queryKey: ['law', 'mci'], queryFn: mci });
  const rows = table.data ? [...table.data.inForce.table].reverse() : [];
  return (
    <Stack gap="md">
      {table.error && <ProblemAlert problem={table.error} />}
      {table.isPending && <Loading />}
      {table.data && (
        <InForceCard title={t('law.mci.title')} basis={table.data.inForce}>
          <Table striped verticalSpacing={4} maw={480} aria-label={t('law.mci.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('law.mci.from')}</Table.Th>
                <Table.Th ta="right">{t('law.mci.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.validFrom}>
                  <Table.Td>{formatDate(row.validFrom, language)}</Table.Td>
                  <Table.Td ta="right">{formatTenge(row.value, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </InForceCard>
      )}
      <AmendmentsTable table="mci" />
    </Stack>
  );
}
