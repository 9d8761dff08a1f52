import { SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/Fact';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { AmendmentsTable } from './AmendmentsTable';
import { InForceCard } from './InForceCard';
import { slaPolicy } from './law-api';

/** The review clock: the term in working days, the warning before it, the working hours and their zone. */
export function SlaPolicyTab() {
  const { t } = useTranslation('admin');
  const policy = useQuery({ queryKey: ['law', 'sla-policy'], queryFn: slaPolicy });
  const inForce = policy.data?.inForce;
  return (
    <Stack gap="md">
      {policy.error && <ProblemAlert problem={policy.error} />}
      {policy.isPending && <Loading />}
      {inForce && (
        <InForceCard title={t('law.sla.title')} basis={inForce}>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Fact label={t('law.sla.term')} strong>
              {t('law.sla.workingDays', { days: inForce.reviewWorkingDays })}
            </Fact>
            <Fact label={t('law.sla.atRisk')} strong>
              {t('law.sla.workingDays', { days: inForce.atRiskWorkingDaysBeforeDue })}
            </Fact>
            <Fact label={t('law.sla.hours')} strong>{`${inForce.workdayStart}–${inForce.workdayEnd}`}</Fact>
            <Fact label={t('law.sla.zone')} strong>
              {inForce.zone}
            </Fact>
          </SimpleGrid>
        </InForceCard>
      )}
      <AmendmentsTable table="sla-policy" />
    </Stack>
  );
}
