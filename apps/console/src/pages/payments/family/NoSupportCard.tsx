import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ArrivalDialog } from './ArrivalDialog';

/** No support is open: the family's arrival is not recorded. The payments officer may record it here. */
export function NoSupportCard({ applicationId, officer }: { applicationId: string; officer: boolean }) {
  const { t } = useTranslation('payments');
  const [recording, setRecording] = useState(false);
  return (
    <Alert color="gray" variant="light" title={t('family.noSupport.title')} data-testid="no-support">
      <Text size="sm">{t('family.noSupport.body')}</Text>
      {officer && (
        <Group mt="sm">
          <Button onClick={() => setRecording(true)} data-testid="record-arrival">
            {t('family.noSupport.record')}
          </Button>
        </Group>
      )}
      {recording && <ArrivalDialog applicationId={applicationId} onClose={() => setRecording(false)} />}
    </Alert>
  );
}
