import { Badge, Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REGION_CODES } from '@domain/shared/region';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { AmendmentsTable } from './AmendmentsTable';
import { InForceCard } from './InForceCard';
import { rentRates } from './law-api';

const SETTLEMENTS = ['city', 'town', 'village'] as const;
type Rates = Partial<Record<string, Partial<Record<(typeof SETTLEMENTS)[number], number>>>>;

/** The rent and utilities subsidy: MCI a month by region and kind of settlement (15–30). */
export function RentRatesTab() {
  const { t } = useTranslation('admin');
  const table = useQuery({ queryKey: ['law', 'rent-rates'], queryFn: rentRates });
  const rates = (table.data?.inForce.rates ?? {}) as Rates;
  return (
    <Stack gap="md">
      {table.error && <ProblemAlert problem={table.error} />}
      {table.isPending && <Loading />}
      {table.data && (
        <InForceCard
          title={t('law.rent.title')}
          basis={table.data.inForce}
          badges={
            table.data.inForce.provisional && (
              <Badge color="orange" variant="light">
                {t('law.rent.provisional')}
              </Badge>
            )
          }
        >
          <Table striped verticalSpacing={4} aria-label={t('law.rent.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('law.rent.region')}</Table.Th>
                {SETTLEMENTS.map((kind) => (
                  <Table.Th key={kind} ta="right">
                    {t(`law.rent.${kind}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {REGION_CODES.filter((code) => rates[code]).map((code) => (
                <Table.Tr key={code}>
                  <Table.Td>{t(`region.${code}`, { ns: 'domain' })}</Table.Td>
                  {SETTLEMENTS.map((kind) => (
                    <Table.Td key={kind} ta="right">
                      {rates[code]?.[kind] ?? '—'}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </InForceCard>
      )}
      <AmendmentsTable table="rent-rates" />
    </Stack>
  );
}
