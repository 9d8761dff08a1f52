import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A part of the screen still on its way: said in words too, for screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="status" aria-live="polite">
      <Loader size="sm" />
      <Text size="sm" c="dimmed">
        {t('loading')}
      </Text>
    </Group>
  );
}
