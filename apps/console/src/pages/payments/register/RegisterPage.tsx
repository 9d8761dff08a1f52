import { Center, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SectionCard } from '../../../components/SectionCard';
import { MonthRegionFilter } from '../MonthRegionFilter';
import { useMonthAndRegion } from '../useMonthAndRegion';
import { useRegister } from '../useRegister';
import { RegisterOrdersTable } from './RegisterOrdersTable';
import { RegisterTotalsTable } from './RegisterTotalsTable';

/**
 * The register of a month (ADR 33): the budget per region — committed, paid, returned, awaiting the
 * bank, cancelled — over the orders falling due, and the orders themselves, each leading to its
 * family's schedule. The payments officer's home; supervisors, auditors and admins read it too.
 */
export function RegisterPage() {
  const { t } = useTranslation('payments');
  const [filter, setFilter] = useMonthAndRegion();
  const register = useRegister(filter);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('register.title')}</Title>
        <MonthRegionFilter value={filter} onChange={setFilter} />
      </Group>
      <Text size="sm" c="dimmed" maw={900}>
        {t('register.caption')}
      </Text>
      {register.isPending && (
        <Center p="lg">
          <Loading />
        </Center>
      )}
      {register.isError && <ProblemAlert problem={register.error} />}
      {register.data && (
        <>
          <SectionCard
            id="register-totals"
            title={t('register.totals.title')}
            caption={t('register.totals.caption')}
            testId="register-totals"
          >
            <RegisterTotalsTable register={register.data} />
          </SectionCard>
          <SectionCard id="register-orders" title={t('register.orders.title')} testId="register-orders">
            <RegisterOrdersTable orders={register.data.orders} labelledBy="register-orders" />
          </SectionCard>
        </>
      )}
    </Stack>
  );
}
