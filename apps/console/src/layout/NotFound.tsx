import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('notFound')}>
      {window.location.pathname}
    </Alert>
  );
}
