import { BarChart } from '@mantine/charts';
import { Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../format';
import type { Language } from '../../../i18n';
import type { QuotaRow } from './quota-api';

/** Seats taken and still free, per region, stacked to the capacity of its order. */
export function QuotaFillChart({ rows }: { rows: readonly QuotaRow[] }) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  const data = rows.map((row) => ({
    region: t(`region.${row.region}`, { ns: 'domain' }),
    taken: row.seatsTaken,
    remaining: row.capacity === null ? 0 : row.remaining,
  }));
  return (
    <Card withBorder component="section" aria-labelledby="quota-fill-title">
      <Title order={3} size="h4" id="quota-fill-title">
        {t('quotas.chart.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('quotas.chart.caption')}
      </Text>
      <BarChart
        h={Math.max(200, 30 * data.length + 60)}
        data={data}
        dataKey="region"
        orientation="vertical"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'top', height: 36 }}
        yAxisProps={{ width: 240 }}
        valueFormatter={(value) => formatNumber(value, language)}
        series={[
          { name: 'taken', label: t('quotas.chart.taken'), color: 'blue.8' },
          { name: 'remaining', label: t('quotas.chart.remaining'), color: 'teal.3' },
        ]}
      />
    </Card>
  );
}
