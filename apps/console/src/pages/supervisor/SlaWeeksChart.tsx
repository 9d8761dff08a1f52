import { BarChart } from '@mantine/charts';
import { Loading } from '../../components/Loading';
import { Alert, Center } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { RegionCode } from '@domain/shared/region';

/** Weeks of a year fit one page (the API allows 200 a page). */
const WEEKS_PER_PAGE = 200;

/**
 * The applications due each ISO week (by their due day in Almaty), as they stand: stacked by
 * decided on time / late and, still open, on time / at risk / breached. The same colours as the clock.
 */
export function SlaWeeksChart({
  year,
  region,
  refreshMs,
}: {
  year: number;
  region: RegionCode | null;
  refreshMs: number;
}) {
  const { t } = useTranslation('supervisor');
  const weeks = useQuery({
    queryKey: ['sla-board', 'weeks', year, region],
    queryFn: () =>
      data(
        api.GET('/dashboard/sla/weeks', {
          params: { query: { year: String(year), limit: String(WEEKS_PER_PAGE), ...(region ? { region } : {}) } },
        }),
      ),
    refetchInterval: refreshMs,
  });
  if (weeks.isPending)
    return (
      <Center h={280}>
        <Loading />
      </Center>
    );
  if (weeks.isError) return <ProblemAlert problem={weeks.error} />;
  if (weeks.data.data.items.length === 0) return <Alert color="gray">{t('empty', { ns: 'common' })}</Alert>;
  const series = [
    { name: 'decidedOnTime', label: t('sla.decidedOnTime', { ns: 'domain' }), color: '#1c4f8a' },
    { name: 'decidedLate', label: t('sla.decidedLate', { ns: 'domain' }), color: '#9c2a5a' },
    { name: 'openOnTime', label: t('sla.onTime', { ns: 'domain' }), color: '#2e7d32' },
    { name: 'atRisk', label: t('sla.atRisk', { ns: 'domain' }), color: '#e0a100' },
    { name: 'breached', label: t('sla.breached', { ns: 'domain' }), color: '#c62828' },
  ];
  return (
    <figure style={{ margin: 0 }} aria-label={t('weeks.chartLabel', { year })} data-testid="sla-weeks">
      <BarChart
        h={300}
        data={weeks.data.data.items.map((week) => ({ ...week, label: week.week.slice(5) }))}
        dataKey="label"
        type="stacked"
        maxBarWidth={56}
        series={series}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        tickLine="y"
        yAxisLabel={t('weeks.yAxis')}
        xAxisLabel={t('weeks.xAxis')}
      />
    </figure>
  );
}
