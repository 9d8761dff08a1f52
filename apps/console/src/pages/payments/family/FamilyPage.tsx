import { Anchor, Badge, Center, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/session';
import type { ConsoleRole } from '../../../auth/session';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { NoSupportCard } from './NoSupportCard';
import { ScheduleCard } from './ScheduleCard';
import { StopCard } from './StopCard';
import { SupportSummaryCard } from './SupportSummaryCard';
import { useSupport } from './useSupport';

/** Where each role that reads the support opens the application itself (the payments officer has no such page). */
const APPLICATION_PAGES: Partial<Record<ConsoleRole, (id: string) => string>> = {
  supervisor: (id) => `/applications/${id}`,
  admin: (id) => `/applications/${id}`,
  auditor: (id) => `/audit/applications/${id}`,
};

/**
 * A family's support after arrival (ADR 33): the recipient and the terms, the schedule of the
 * relocation payment and twelve months of rent with every order and the bank's answer, and a stop
 * with what it listed for recovery. The payments officer records the bank's answers here, corrects
 * the account, pays a returned order again and stops the support; the others read it, the
 * recipient's IIN and account masked.
 */
export function FamilyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('payments');
  const session = useSession();
  const officer = session?.actor.role === 'payments';
  const applicationPage = session ? APPLICATION_PAGES[session.actor.role] : undefined;
  const support = useSupport(id);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{t('family.title')}</Title>
          <Text size="xs" c="dimmed" ff="monospace" translate="no">
            {id}
          </Text>
        </Stack>
        <Group gap="sm">
          {applicationPage && (
            <Anchor component={Link} to={applicationPage(id)}>
              {t('family.openApplication')}
            </Anchor>
          )}
          {support.data && (
            <Badge
              variant="outline"
              color="dark"
              radius="sm"
              tt="none"
              size="lg"
              data-testid="support-status"
              data-status={support.data.status}
            >
              {t(`family.status.${support.data.status}`)}
            </Badge>
          )}
        </Group>
      </Group>
      {support.isPending && (
        <Center p="xl">
          <Loading />
        </Center>
      )}
      {support.isError && <ProblemAlert problem={support.error} />}
      {support.data === null && <NoSupportCard applicationId={id} officer={officer} />}
      {support.data && (
        <>
          <SupportSummaryCard support={support.data} officer={officer} />
          {support.data.stop && <StopCard stop={support.data.stop} />}
          <ScheduleCard support={support.data} officer={officer} />
        </>
      )}
    </Stack>
  );
}
