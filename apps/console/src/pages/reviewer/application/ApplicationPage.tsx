import { Badge, Center, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Loading } from '../../../components/Loading';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/session';
import type { ConsoleRole } from '../../../auth/session';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SlaClockBadge } from '../../../components/SlaClockBadge';
import { useApplication } from '../../../components/useApplication';
import { SupervisorActions } from '../../supervisor/SupervisorActions';
import { hearingAndComplaintsOf, isRefusalProposed } from '../../../api/hearing-complaint-api';
import { RefusalProposalCard } from '../../hearing/RefusalProposalCard';
import { ComplaintsCard, recordsAuthorityDecisions } from '../../complaint/ComplaintsCard';
import { ApplicantSection } from './ApplicantSection';
import { DecisionSection } from './DecisionSection';
import { DocumentsSection } from './DocumentsSection';
import { HistorySection } from './HistorySection';
import { ReviewerActions, reviewsIt } from './ReviewerActions';
import { ReviewForm } from './ReviewForm';
import { SlaSection } from './SlaSection';
import { SupportLinkCard } from '../../payments/SupportLinkCard';

/** The roles of this page the API lets read a family's support (the reviewers do not pay). */
const readsSupport = (role: ConsoleRole | undefined) => role === 'supervisor' || role === 'admin';

/**
 * One application whole, for the reviewer who decides on it, the supervisor who oversees it and the
 * admin who records the authority's decision on a complaint (personal data masked for the admin):
 * the people and documents on the left; the clock, the decision, the actions of the officer's role
 * and the story on the right. Read again while the process works, so an outcome shows by itself.
 */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('reviewer');
  const session = useSession();
  const application = useApplication(id);
  if (application.isPending)
    return (
      <Center p="xl">
        <Loading />
      </Center>
    );
  if (application.isError)
    return (
      <Stack>
        <Title order={2}>{t('application.title')}</Title>
        <ProblemAlert problem={application.error} />
      </Stack>
    );
  const { details } = application.data;
  const reviewing = session?.actor.role === 'reviewer' && reviewsIt(details, session.actor.id);
  const redress = hearingAndComplaintsOf(details);
  // A proposal is shown while it waits for the final decision. The API keeps the last one proposed
  // in its answer: once decided the decision says it all, and once a decision was revoked back to
  // review the old proposal is history (the timeline tells it), not a hearing still to hold.
  const proposal = isRefusalProposed(details) ? redress.refusalProposal : null;
  // Complaints are shown once there are any, or to whoever records the authority's decision (a
  // supervisor, an admin) on a decided application: it may come on a complaint filed there directly.
  const complaintsShown =
    redress.complaints.length > 0 ||
    redress.revocations.length > 0 ||
    (details.decision !== null && recordsAuthorityDecisions(session?.actor.role));
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{t('application.heading', { name: details.applicantName })}</Title>
          <Text size="xs" c="dimmed" ff="monospace">
            {details.applicationId}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="outline" color="dark" radius="sm" tt="none" size="lg" data-testid="status">
            {t(`status.${details.status}`, { ns: 'domain' })}
          </Badge>
          <SlaClockBadge clock={details.clock} size="lg" />
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <ApplicantSection details={details} />
            <DocumentsSection details={details} />
            {reviewing && <ReviewForm application={application.data} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            {proposal && <RefusalProposalCard application={application.data} proposal={proposal} />}
            {details.decision && <DecisionSection decision={details.decision} />}
            {details.decision?.outcome === 'included' && readsSupport(session?.actor.role) && (
              <SupportLinkCard applicationId={id} />
            )}
            {complaintsShown && <ComplaintsCard application={application.data} redress={redress} />}
            {session?.actor.role === 'reviewer' && <ReviewerActions application={application.data} />}
            {session?.actor.role === 'supervisor' && <SupervisorActions application={application.data} />}
            <SlaSection details={details} />
            <HistorySection id={id} revision={details.revision} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
