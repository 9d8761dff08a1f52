import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import type { ListedApplication } from '../../api/shapes';
import { ApplicationsTable } from '../../components/ApplicationsTable';
import { usePages } from '../../components/usePages';
import { BOARD_REFRESH_MS } from './SlaBoardPage';

/** The supervisors' queue: escalated or breached reviews still open, earliest due first, with their clocks. */
export function EscalatedPage() {
  const { t } = useTranslation('supervisor');
  const pages = usePages<ListedApplication>(
    ['escalated'],
    async (cursor) => (await data(api.GET('/queues/supervisors', { params: { query: { cursor } } }))).data,
    { refetchInterval: BOARD_REFRESH_MS },
  );
  return (
    <Stack>
      <Title order={2}>{t('escalated.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('escalated.hint')}
      </Text>
      <ApplicationsTable pages={pages} caption={t('escalated.caption')} />
    </Stack>
  );
}
