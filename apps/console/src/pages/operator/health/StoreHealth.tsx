import type { ReactNode } from 'react';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../format';
import type { Language } from '../../../i18n';
import type { Readiness } from './health-api';

type Indicator = { status: 'up' | 'down'; fault?: string; error?: string };

/** The store, the read models and the delivery of notices, as the readiness probe judges them. */
export function StoreHealth({ result }: { result: Readiness }) {
  const { t, i18n } = useTranslation('operator');
  const language = i18n.language as Language;
  const { eventStore, readModels, notices } = result.details;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Part title={t('health.eventStore')} indicator={eventStore}>
        <Text size="sm">
          {t('health.head')}: <b>{eventStore.head ?? '—'}</b>
        </Text>
      </Part>
      <Part title={t('health.readModels')} indicator={readModels} />
      <Card withBorder component="section" aria-label={t('health.notices.title')}>
        <Stack gap={6}>
          <Group justify="space-between">
            <Title order={3} size="h5">
              {t('health.notices.title')}
            </Title>
            <Badge
              color={notices.delivery === 'degraded' ? 'orange' : notices.delivery === 'ok' ? 'green' : 'gray'}
              variant="light"
            >
              {t(`health.notices.delivery.${notices.delivery}`)}
            </Badge>
          </Group>
          <Text size="sm">{t(`health.notices.mode.${notices.mode}`)}</Text>
          <Text size="sm">
            {t('health.notices.queued')}: <b>{formatNumber(notices.queued, language)}</b> · {t('health.notices.parked')}
            : <b>{formatNumber(notices.parked, language)}</b>
          </Text>
          <Text size="sm">
            {t('health.notices.oldest')}:{' '}
            <b>{t('health.seconds', { seconds: formatNumber(notices.oldestUndeliveredSeconds, language) })}</b>
          </Text>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

function Part({ title, indicator, children }: { title: string; indicator: Indicator; children?: ReactNode }) {
  const { t } = useTranslation('operator');
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={3} size="h5">
            {title}
          </Title>
          <Badge color={indicator.status === 'up' ? 'green' : 'red'} variant="light">
            {t(`health.status.${indicator.status}`)}
          </Badge>
        </Group>
        {children}
        {indicator.status === 'down' && (
          <Text size="sm" c="red.9">
            {t('health.fault')}:{' '}
            <span translate="no">
              {indicator.fault ?? '—'}. {indicator.error}
            </span>
          </Text>
        )}
      </Stack>
    </Card>
  );
}
