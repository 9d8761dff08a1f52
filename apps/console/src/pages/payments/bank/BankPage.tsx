import { Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MonthRegionFilter } from '../MonthRegionFilter';
import { useMonthAndRegion } from '../useMonthAndRegion';
import { AnswersCard } from './AnswersCard';
import { BankFileCard } from './BankFileCard';

/**
 * The files exchanged with the paying bank (docs/payments/bank-file.md): the month's payment file,
 * its control figures shown before and after it is taken, and the bank's answers imported back.
 */
export function BankPage() {
  const { t } = useTranslation('payments');
  const [filter, setFilter] = useMonthAndRegion();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('bank.title')}</Title>
        <MonthRegionFilter value={filter} onChange={setFilter} />
      </Group>
      <BankFileCard filter={filter} />
      <AnswersCard />
    </Stack>
  );
}
