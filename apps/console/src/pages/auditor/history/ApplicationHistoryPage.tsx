import { useState } from 'react';
import { Anchor, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { historyOf } from '../audit-api';
import { DiffCard } from './DiffCard';
import { StateAsOfCard } from './StateAsOfCard';
import { StoryTimeline } from './StoryTimeline';

/**
 * One application's history for an auditor: the timeline in words, the state as of any of its
 * events, and what changed between two. Every read here is recorded (ADR 26), by design.
 */
export function ApplicationHistoryPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('auditor');
  // The sentences come in the language asked; the previous language's stay while the new ones come,
  // so the slider and the diff keep their place.
  const history = useQuery({
    queryKey: ['audit', 'history', id, i18n.language],
    queryFn: () => historyOf(id),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === id ? previous : undefined),
  });
  const events = history.data?.events ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const revision = chosen ?? Math.max(0, events.length - 1);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('history.title')}</Title>
          <Text ff="monospace" size="sm" c="dimmed">
            {id}
          </Text>
        </div>
        <Group gap="md">
          <Anchor component={Link} to={`/payments/families/${id}`}>
            {t('history.payments')}
          </Anchor>
          <Anchor component={Link} to={`/audit/exports?stream=application-${id}`}>
            {t('history.export')}
          </Anchor>
        </Group>
      </Group>
      {history.error && <ProblemAlert problem={history.error} />}
      {history.isPending && <Loading />}
      {events.length > 0 && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Card withBorder component="section" aria-labelledby="timeline-title">
              <Title order={3} size="h4" id="timeline-title" mb="sm">
                {t('history.timeline', { n: events.length })}
              </Title>
              <StoryTimeline events={events} active={revision} />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Stack gap="md">
              <StateAsOfCard applicationId={id} events={events} revision={revision} onRevision={setChosen} />
              <DiffCard applicationId={id} events={events} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
