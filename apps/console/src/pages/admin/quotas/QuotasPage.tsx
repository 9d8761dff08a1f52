import { useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { ShowMore } from '../../../components/ShowMore';
import { useCursorPages } from '../../../components/cursor-pages';
import { formatNumber } from '../../../format';
import type { Language } from '../../../i18n';
import { CATEGORIES, quotaPage } from './quota-api';
import type { QuotaCategory, QuotaOrder, QuotaRow } from './quota-api';
import { QuotaTable } from './QuotaTable';
import { SetQuotaModal } from './SetQuotaModal';
import type { QuotaDraft } from './SetQuotaModal';
import { chunkComponent } from '../../lazy-page';

/**
 * The fill chart (Recharts, ~460 kB of script) is its own chunk, drawn after the table the
 * administrator works in: imported with the page, it held the table back by a third of a second.
 */
const QuotaFillChart = chunkComponent(() => import('./QuotaFillChart'), 'QuotaFillChart', <Loading />);

/** The years an order is usually entered for: the last, this one and the next. */
function yearsAround(now: Date): number[] {
  const year = now.getFullYear();
  return [year - 1, year, year + 1];
}

/** The quotas of a year and a category: the fill of each region as a chart and a table, and new orders. */
export function QuotasPage() {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  const queries = useQueryClient();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [category, setCategory] = useState<QuotaCategory>('kandas');
  const [atLeast, setAtLeast] = useState<string | undefined>();
  const [draft, setDraft] = useState<QuotaDraft | null>(null);
  const [recorded, setRecorded] = useState<QuotaOrder | null>(null);
  const filter = { year, category, atLeast };
  const quotas = useCursorPages(['quotas', year, category, atLeast], (cursor) => quotaPage(filter, cursor));
  const rows = quotas.items;

  const onRecorded = (order: QuotaOrder, position: string | null) => {
    setDraft(null);
    setRecorded(order);
    setYear(order.year);
    setCategory(order.category);
    if (position) setAtLeast(position);
    void queries.invalidateQueries({ queryKey: ['quotas'] });
  };
  const open = (row?: QuotaRow) =>
    setDraft(
      row
        ? { region: row.region, year: row.year, category: row.category as QuotaCategory, capacity: row.capacity }
        : { region: null, year, category, capacity: null },
    );
  const total = (pick: (row: QuotaRow) => number) =>
    formatNumber(
      rows.reduce((sum, row) => sum + pick(row), 0),
      language,
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('quotas.title')}</Title>
        <Button onClick={() => open()}>{t('quotas.set')}</Button>
      </Group>
      <Group align="flex-end">
        <Select
          label={t('quotas.year')}
          data={yearsAround(new Date()).map(String)}
          value={String(year)}
          onChange={(value) => value && setYear(Number(value))}
          allowDeselect={false}
          w={120}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="quota-category-label">
            {t('quotas.category')}
          </Text>
          <SegmentedControl
            aria-labelledby="quota-category-label"
            value={category}
            onChange={(value) => setCategory(value)}
            data={CATEGORIES.map((code) => ({ value: code, label: t(`category.${code}`, { ns: 'domain' }) }))}
          />
        </Stack>
      </Group>
      {recorded && (
        <Alert color="green" role="status" withCloseButton onClose={() => setRecorded(null)}>
          {t('quotas.recorded', {
            region: t(`region.${recorded.region}`, { ns: 'domain' }),
            year: recorded.year,
            category: t(`category.${recorded.category}`, { ns: 'domain' }),
            capacity: formatNumber(recorded.capacity, language),
          })}
        </Alert>
      )}
      {quotas.error && <ProblemAlert problem={quotas.error} />}
      {quotas.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('quotas.none', { year })}</Text>
      ) : (
        <>
          <SimpleGrid cols={3} data-testid="quota-totals">
            <Figure label={t('quotas.totals.capacity')} value={total((row) => row.capacity ?? 0)} />
            <Figure label={t('quotas.totals.taken')} value={total((row) => row.seatsTaken)} />
            <Figure
              label={t('quotas.totals.remaining')}
              value={total((row) => (row.capacity === null ? 0 : row.remaining))}
            />
          </SimpleGrid>
          <QuotaFillChart rows={rows} />
          <QuotaTable rows={rows} onChange={open} />
          <ShowMore
            hasMore={quotas.hasNextPage}
            loading={quotas.isFetchingNextPage}
            onMore={() => void quotas.fetchNextPage()}
          />
        </>
      )}
      {draft && <SetQuotaModal draft={draft} onClose={() => setDraft(null)} onRecorded={onRecorded} />}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Stack>
  );
}
