import { Button, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { verifyStore } from '../audit-api';
import { CheckpointCard } from './CheckpointCard';
import { VerificationResult } from './VerificationResult';

/**
 * Tamper evidence on demand: every hash link of the store recomputed, every missing position found,
 * and the head checked against the latest signed checkpoint. Run by the auditor's click (it reads
 * the whole store), never on its own.
 */
export function VerifyPage() {
  const { t } = useTranslation('auditor');
  const verify = useMutation({ mutationFn: verifyStore });
  return (
    <Stack gap="md">
      <Title order={2}>{t('verify.title')}</Title>
      <CheckpointCard />
      <SectionCard
        id="verify-run-title"
        title={t('verify.run.title')}
        caption={t('verify.run.caption')}
        actions={
          <Button onClick={() => verify.mutate()} loading={verify.isPending}>
            {t('verify.run.button')}
          </Button>
        }
      >
        {verify.error && <ProblemAlert problem={verify.error} />}
        {verify.data && <VerificationResult result={verify.data} />}
      </SectionCard>
    </Stack>
  );
}
