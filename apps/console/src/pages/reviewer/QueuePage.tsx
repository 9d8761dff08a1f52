import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import type { ListedApplication } from '../../api/shapes';
import { ApplicationsTable } from '../../components/ApplicationsTable';
import { usePages } from '../../components/usePages';

/** Queues change as colleagues take applications and clocks run: read again every half minute. */
const QUEUE_REFRESH_MS = 30_000;

type Queue = 'mine' | 'unassigned';

/** The reviewer's work: their own queue and the applications nobody has taken, earliest due first. */
export function QueuePage() {
  const { t } = useTranslation('reviewer');
  const [params, setParams] = useSearchParams();
  const queue: Queue = params.get('queue') === 'unassigned' ? 'unassigned' : 'mine';
  const mine = usePages<ListedApplication>(
    ['queue', 'mine'],
    async (cursor) => (await data(api.GET('/queues/mine', { params: { query: { cursor } } }))).data,
    { refetchInterval: QUEUE_REFRESH_MS, enabled: queue === 'mine' },
  );
  const unassigned = usePages<ListedApplication>(
    ['queue', 'unassigned'],
    async (cursor) => (await data(api.GET('/queues/unassigned', { params: { query: { cursor } } }))).data,
    { refetchInterval: QUEUE_REFRESH_MS, enabled: queue === 'unassigned' },
  );
  return (
    <Stack>
      <Title order={2}>{t('queue.title')}</Title>
      <Tabs value={queue} onChange={(value) => setParams(value === 'unassigned' ? { queue: value } : {})}>
        <Tabs.List>
          <Tabs.Tab value="mine">{t('queue.mine')}</Tabs.Tab>
          <Tabs.Tab value="unassigned">{t('queue.unassigned')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mine" pt="md">
          <ApplicationsTable pages={mine} caption={t('queue.mineCaption')} />
        </Tabs.Panel>
        <Tabs.Panel value="unassigned" pt="md">
          <ApplicationsTable pages={unassigned} caption={t('queue.unassignedCaption')} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
