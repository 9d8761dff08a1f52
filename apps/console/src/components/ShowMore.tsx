import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The next page of a list, when there is one. */
export function ShowMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Group justify="center" mt="sm">
      <Button variant="default" loading={loading} onClick={onMore}>
        {t('more')}
      </Button>
    </Group>
  );
}
