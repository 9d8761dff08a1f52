import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { readiness, subscriptions } from './health-api';
import { StoreHealth } from './StoreHealth';
import { SubscriptionsTable } from './SubscriptionsTable';

/** Refreshed every few seconds: an operator leaves it open. */
const EVERY_MS = 5_000;

/** Whether the service can take work now (its readiness) and how each subscription keeps up with the store. */
export function HealthPage() {
  const { t } = useTranslation('operator');
  const ready = useQuery({ queryKey: ['health', 'ready'], queryFn: readiness, refetchInterval: EVERY_MS });
  const runners = useQuery({
    queryKey: ['health', 'subscriptions'],
    queryFn: subscriptions,
    refetchInterval: EVERY_MS,
  });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('health.title')}</Title>
        {ready.data && (
          <Badge size="lg" variant="light" color={ready.data.ready ? 'green' : 'red'} data-testid="readiness">
            {ready.data.ready ? t('health.ready') : t('health.notReady')}
          </Badge>
        )}
      </Group>
      {ready.error && <ProblemAlert problem={ready.error} />}
      {ready.isPending ? <Loading /> : ready.data && <StoreHealth result={ready.data.result} />}
      <SectionCard
        id="subscriptions-title"
        title={t('health.subscriptions.title')}
        caption={t('health.subscriptions.caption')}
        actions={
          runners.data && (
            <Text size="sm">
              {t('health.storeHead')}: <b>{runners.data.storeHead ?? '—'}</b>
            </Text>
          )
        }
      >
        {runners.error && <ProblemAlert problem={runners.error} />}
        {runners.isPending ? <Loading /> : runners.data && <SubscriptionsTable subscriptions={runners.data} />}
      </SectionCard>
    </Stack>
  );
}
