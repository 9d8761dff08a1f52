import { Button, Code, SimpleGrid, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard';
import { Fact } from '../../../components/Fact';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant, formatNumber } from '../../../format';
import type { Language } from '../../../i18n';
import { latestCheckpoint, signCheckpoint } from '../audit-api';

/**
 * The latest signed chain head kept outside the store (ADR 24): what verification checks the store
 * against. An auditor may sign one now, to anchor the head as it stands.
 */
export function CheckpointCard() {
  const { t, i18n } = useTranslation('auditor');
  const language = i18n.language as Language;
  const queries = useQueryClient();
  const latest = useQuery({ queryKey: ['audit', 'checkpoint'], queryFn: latestCheckpoint });
  const sign = useMutation({
    mutationFn: signCheckpoint,
    onSuccess: (checkpoint) => queries.setQueryData(['audit', 'checkpoint'], checkpoint),
  });
  const checkpoint = latest.data;
  return (
    <SectionCard
      id="checkpoint-title"
      title={t('verify.checkpoint.title')}
      actions={
        <Button variant="light" onClick={() => sign.mutate()} loading={sign.isPending}>
          {t('verify.checkpoint.sign')}
        </Button>
      }
    >
      {sign.error && <ProblemAlert problem={sign.error} />}
      {latest.error && <ProblemAlert problem={latest.error} />}
      {latest.isPending ? (
        <Loading />
      ) : checkpoint === null || checkpoint === undefined ? (
        <Text>{t('verify.checkpoint.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="checkpoint">
          <Fact label={t('verify.checkpoint.position')}>{checkpoint.position}</Fact>
          <Fact label={t('verify.checkpoint.events')}>{formatNumber(checkpoint.events, language)}</Fact>
          <Fact label={t('verify.checkpoint.signedAt')}>
            {formatInstant(checkpoint.signedAt, language)} · {t(`verify.checkpoint.trigger.${checkpoint.trigger}`)}
          </Fact>
          <Fact label={t('verify.checkpoint.head')}>
            <Code style={{ wordBreak: 'break-all' }}>{checkpoint.headHash}</Code>
          </Fact>
          <Fact label={t('verify.checkpoint.key')}>
            <Code>{checkpoint.keyId}</Code>
          </Fact>
          <Fact label={t('verify.checkpoint.store')}>{checkpoint.store}</Fact>
        </SimpleGrid>
      )}
    </SectionCard>
  );
}
