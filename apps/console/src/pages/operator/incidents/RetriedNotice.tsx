import { Alert, Badge, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { noticesOf } from './incident-api';
import type { ParkedNotice } from './incident-api';

/** Follows a notice sent back to the queue until it is delivered (or parked again), without a reload. */
export function RetriedNotice({ notice }: { notice: ParkedNotice }) {
  const { t } = useTranslation('operator');
  const notices = useQuery({
    queryKey: ['incidents', 'notice-delivery', notice.applicationId],
    queryFn: () => noticesOf(notice.applicationId),
    refetchInterval: (query) => {
      const status = query.state.data?.items.find((item) => item.noticeId === notice.noticeId)?.delivery.status;
      return status === 'pending' || status === undefined ? 2_000 : false;
    },
  });
  const status = notices.data?.items.find((item) => item.noticeId === notice.noticeId)?.delivery.status ?? 'pending';
  const color = status === 'delivered' ? 'green' : status === 'parked' ? 'red' : 'blue';
  return (
    <Alert color={color} role="status" data-testid={`retried-${notice.noticeId}`}>
      <Group gap="xs">
        <Text size="sm">
          {t('incidents.notices.sentBack', {
            kind: t(`incidents.notices.kind.${notice.kind}`),
            application: notice.applicationId,
          })}
        </Text>
        <Badge color={color} variant="light">
          {t(`incidents.notices.delivery.${status}`)}
        </Badge>
      </Group>
    </Alert>
  );
}
