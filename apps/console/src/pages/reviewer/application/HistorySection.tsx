import { Alert, Card, Text, Timeline, Title } from '@mantine/core';
import { Loading } from '../../../components/Loading';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { ProblemAlert } from '../../../components/ProblemAlert';

/**
 * The application's story in words (ADR 27), in the officer's language: the API tells each event
 * without personal data. Read again only when the application's revision changes: each read of a
 * history is recorded in the access log (ADR 26), so it is not polled.
 */
export function HistorySection({ id, revision }: { id: string; revision: number }) {
  const { t, i18n } = useTranslation('reviewer');
  const history = useQuery({
    queryKey: ['history', id, revision, i18n.language],
    queryFn: () => data(api.GET('/audit/applications/{id}/history', { params: { path: { id } } })),
    staleTime: Infinity,
  });
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="sm">
        {t('history.title')}
      </Title>
      {history.isPending && <Loading />}
      {history.isError && <ProblemAlert problem={history.error} />}
      {history.data && history.data.events.length === 0 && <Alert color="gray">{t('empty', { ns: 'common' })}</Alert>}
      {history.data && (
        <Timeline active={history.data.events.length - 1} bulletSize={14} lineWidth={2} data-testid="history">
          {history.data.events.map((event) => {
            // "02.03.2026 10:00 — портал eGov: …": the moment, then who did what.
            const cut = event.text.indexOf(' — ');
            const when = cut > 0 ? event.text.slice(0, cut) : '';
            const what = cut > 0 ? event.text.slice(cut + 3) : event.text;
            return (
              <Timeline.Item key={event.eventId}>
                <Text size="sm">{what}</Text>
                <Text size="xs" c="dimmed">
                  {when}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}
