import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useApplicationCommand, type LoadedApplication } from '../../../components/useApplication';
import type { ApplicationDetails } from '../../../api/shapes';

/** Whether the signed-in reviewer records the review of this application now (the form goes beside the documents). */
export function reviewsIt(details: ApplicationDetails, reviewerId: string | undefined): boolean {
  return details.status === 'under-review' && details.review.reviewerId === reviewerId;
}

/**
 * What a reviewer can do here: take a signed application nobody reviews, then record the review of
 * one they hold. The API decides who may (a reviewer of another's application is refused, 409/422).
 */
export function ReviewerActions({ application }: { application: LoadedApplication }) {
  const { t } = useTranslation('reviewer');
  const session = useSession();
  const { details, etag } = application;
  const id = details.applicationId;
  const take = useApplicationCommand(id);
  if (details.status === 'signed' && details.review.reviewerId === null)
    return (
      <Card withBorder padding="md">
        <Title order={3} size="h4" mb="sm">
          {t('review.title')}
        </Title>
        <Stack gap="sm">
          <Text size="sm">{t('review.takeHint')}</Text>
          <Button
            onClick={() =>
              take.mutate(() =>
                api.POST('/applications/{id}/review/start', {
                  params: { path: { id }, header: { 'If-Match': etag } },
                }),
              )
            }
            loading={take.isPending}
            data-testid="take"
          >
            {t('review.take')}
          </Button>
          <ProblemAlert problem={take.error} />
        </Stack>
      </Card>
    );
  if (reviewsIt(details, session?.actor.id)) return null;
  if (details.status === 'under-review')
    return (
      <Card withBorder padding="md">
        <Text size="sm">{t('review.heldBy', { reviewer: details.review.reviewerId })}</Text>
      </Card>
    );
  if (details.status === 'reviewed')
    return (
      <Card withBorder padding="md" data-testid="processing">
        <Text size="sm">{t('review.processing')}</Text>
      </Card>
    );
  return null;
}
