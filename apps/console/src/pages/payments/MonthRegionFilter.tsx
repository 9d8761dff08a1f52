import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REGION_CODES } from '@domain/shared/region';
import { monthsAround, thisMonth } from './month';
import type { MonthAndRegion } from './payments-api';
import { useMonthName } from './useMonthName';

/** The month the orders fall due in (the current one first chosen) and, if wanted, one region. */
export function MonthRegionFilter({
  value,
  onChange,
}: {
  value: MonthAndRegion;
  onChange: (next: MonthAndRegion) => void;
}) {
  const { t } = useTranslation('payments');
  const monthName = useMonthName();
  const months = monthsAround(thisMonth());
  if (!months.includes(value.month)) months.push(value.month);
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label={t('filter.month')}
        data={months.map((month) => ({ value: month, label: monthName(month) }))}
        value={value.month}
        onChange={(month) => month && onChange({ ...value, month })}
        allowDeselect={false}
        searchable
        w={200}
        data-testid="month"
      />
      <Select
        label={t('filter.region')}
        placeholder={t('filter.allRegions')}
        data={REGION_CODES.map((code) => ({ value: code, label: t(`region.${code}`, { ns: 'domain' }) }))}
        value={value.region}
        onChange={(region) => onChange({ ...value, region })}
        clearable
        searchable
        w={260}
        data-testid="region"
      />
    </Group>
  );
}
