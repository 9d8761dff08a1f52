import { Button, Card, Center, Group, Select, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_CODES, type RegionCode } from '@domain/shared/region';
import { api, data } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { SlaBoardPage as BoardPage, SlaRegion } from '../../api/shapes';
import { usePages } from '../../components/usePages';
import { SlaBoardTable } from './SlaBoardTable';
import { SlaWeeksChart } from './SlaWeeksChart';
import { useSlaWeeks } from './useSlaWeeks';

/** A board watched during the day: read again every ten seconds. */
export const BOARD_REFRESH_MS = 10_000;

const YEARS = ['2025', '2026', '2027'];

/** The current year in Almaty (by the page's clock, which the tests fix to the server's). */
function thisYear(): string {
  return String(new Date(Date.now() + 5 * 3600_000).getUTCFullYear());
}

/** The SLA at a glance: per region, open on time / at risk / breached and decided on time / late, and by week. */
export function SlaBoardPage() {
  const { t } = useTranslation('supervisor');
  const [year, setYear] = useState(YEARS.includes(thisYear()) ? thisYear() : '2026');
  const [region, setRegion] = useState<RegionCode | null>(null);
  const board = usePages<SlaRegion, BoardPage>(
    ['sla-board', 'regions', year],
    async (cursor) => (await data(api.GET('/dashboard/sla', { params: { query: { year, cursor } } }))).data,
    { refetchInterval: BOARD_REFRESH_MS },
  );
  const weeks = useSlaWeeks(Number(year), region, BOARD_REFRESH_MS);
  const overall = board.data?.pages[0]?.overall;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('board.title')}</Title>
        <SegmentedControl aria-label={t('board.year')} value={year} onChange={setYear} data={YEARS} />
      </Group>
      <Card withBorder padding="md">
        {board.isPending && (
          <Center p="lg">
            <Loading />
          </Center>
        )}
        {board.isError && <ProblemAlert problem={board.error} />}
        {overall && <SlaBoardTable rows={board.items} overall={overall} />}
        {board.hasNextPage && (
          <Center mt="sm">
            <Button variant="default" onClick={() => void board.fetchNextPage()} loading={board.isFetchingNextPage}>
              {t('more', { ns: 'common' })}
            </Button>
          </Center>
        )}
      </Card>
      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm" align="flex-end">
          <Stack gap={0}>
            <Title order={3} size="h4">
              {t('weeks.title')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('weeks.hint')}
            </Text>
          </Stack>
          <Select
            label={t('weeks.region')}
            placeholder={t('weeks.allRegions')}
            data={REGION_CODES.map((code) => ({ value: code, label: t(`region.${code}`, { ns: 'domain' }) }))}
            value={region}
            onChange={(value) => setRegion(value)}
            clearable
            searchable
            w={260}
          />
        </Group>
        <SlaWeeksChart year={Number(year)} weeks={weeks} />
      </Card>
    </Stack>
  );
}
