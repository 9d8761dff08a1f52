import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ParkedNotices } from './ParkedNotices';
import { ParkedSteps } from './ParkedSteps';
import { WaitingSteps } from './WaitingSteps';

/** Everything the service could not finish by itself, with its reason: one screen, three kinds. */
export function IncidentsPage() {
  const { t } = useTranslation('operator');
  return (
    <Stack gap="md">
      <Title order={2}>{t('incidents.title')}</Title>
      <ParkedSteps />
      <ParkedNotices />
      <WaitingSteps />
    </Stack>
  );
}
