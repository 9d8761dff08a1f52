import { Loading } from '../../components/Loading';
import { Alert, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../format';
import { StackedWeeksSvg, type WeekSeries } from './StackedWeeksSvg';
import type { SlaWeeks } from './useSlaWeeks';

type SeriesKey = 'decidedOnTime' | 'decidedLate' | 'openOnTime' | 'atRisk' | 'breached';

/**
 * The applications due each ISO week (by their due day in Almaty), as they stand: stacked by
 * decided on time / late and, still open, on time / at risk / breached. The same colours as the clock.
 * Drawn as plain SVG (StackedWeeksSvg): the bars are read, not animated or zoomed.
 */
export function SlaWeeksChart({ year, weeks }: { year: number; weeks: SlaWeeks }) {
  const { t } = useTranslation('supervisor');
  if (weeks.isPending)
    return (
      <Center h={280}>
        <Loading />
      </Center>
    );
  if (weeks.isError) return <ProblemAlert problem={weeks.error} />;
  if (weeks.data.data.items.length === 0) return <Alert color="gray">{t('empty', { ns: 'common' })}</Alert>;
  const series: WeekSeries<SeriesKey>[] = [
    { key: 'decidedOnTime', label: t('sla.decidedOnTime', { ns: 'domain' }), color: '#1c4f8a' },
    { key: 'decidedLate', label: t('sla.decidedLate', { ns: 'domain' }), color: '#9c2a5a' },
    { key: 'openOnTime', label: t('sla.onTime', { ns: 'domain' }), color: '#2e7d32' },
    { key: 'atRisk', label: t('sla.atRisk', { ns: 'domain' }), color: '#e0a100' },
    { key: 'breached', label: t('sla.breached', { ns: 'domain' }), color: '#c62828' },
  ];
  const bars = weeks.data.data.items.map((week) => ({
    label: week.week.slice(5),
    title: `${week.week} (${formatDate(week.weekStart)} – ${formatDate(week.weekEnd)}): ${series
      .map((s) => `${s.label} ${week[s.key]}`)
      .join(', ')}`,
    values: week,
  }));
  return (
    <figure style={{ margin: 0 }} aria-label={t('weeks.chartLabel', { year })} data-testid="sla-weeks">
      <StackedWeeksSvg weeks={bars} series={series} yLabel={t('weeks.yAxis')} xLabel={t('weeks.xAxis')} />
    </figure>
  );
}
