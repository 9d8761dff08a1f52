import { List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RefusalProposal } from '../../api/hearing-complaint-api';
import { SectionCard } from '../../components/SectionCard';
import type { LoadedApplication } from '../../components/useApplication';
import { RefusalExplanation } from '../../components/RefusalExplanation';
import { useRefusalGrounds } from '../../components/useRefusalGrounds';
import { formatInstant } from '../../format';
import { Field } from '../reviewer/application/Field';
import { AddedDocuments } from './AddedDocuments';
import { HearingActions } from './HearingActions';
import { LateMark } from './LateMark';

/**
 * A refusal proposed but not yet final (ADR 32): who proposed it, its grounds in words and its
 * explanation (the process's own words said in the officer's language), when the applicant had to be
 * told by, the hearing offered, the applicant's objections, the record of the hearing once held, and
 * what the officer's role may do now.
 */
export function RefusalProposalCard({
  application,
  proposal,
}: {
  application: LoadedApplication;
  proposal: RefusalProposal;
}) {
  const { t } = useTranslation('hearing');
  const grounds = useRefusalGrounds();
  return (
    <SectionCard
      id="refusal-proposal-title"
      title={t('proposal.title')}
      caption={t('proposal.hint')}
      testId="refusal-proposal"
    >
      <SimpleGrid cols={2} spacing="sm">
        <Field label={t('proposal.proposedBy')} testId="proposed-by">
          <Proposer proposal={proposal} reviewerId={application.details.review.reviewerId} />
        </Field>
        <Field label={t('proposal.notice')} testId="notice-due">
          {proposal.noticeDueBy ? formatInstant(proposal.noticeDueBy) : t('proposal.noNoticeDeadline')}
          {proposal.noticeLate && <LateMark label={t('proposal.noticeLate')} />}
        </Field>
        <Field label={t('proposal.hearing')} testId="offered-hearing">
          {t(`hearing.way.${proposal.hearing.way}`, { ns: 'domain' })}
          {proposal.hearing.place && <span translate="no">, {proposal.hearing.place}</span>}
          <Text size="xs" c="dimmed">
            {t('proposal.heldBy')}: {formatInstant(proposal.hearing.heldBy)}
          </Text>
        </Field>
      </SimpleGrid>
      <Field label={t('proposal.grounds')}>
        <List size="sm" data-testid="proposal-grounds">
          {proposal.grounds.map((code) => (
            <List.Item key={code}>{grounds.labelOf(code)}</List.Item>
          ))}
        </List>
      </Field>
      {proposal.explanation && (
        <Field label={t('proposal.explanation')}>
          <RefusalExplanation explanation={proposal.explanation} grounds={proposal.grounds} />
        </Field>
      )}
      <Objections proposal={proposal} />
      <HeardRecord proposal={proposal} />
      <HearingActions application={application} proposal={proposal} />
    </SectionCard>
  );
}

/**
 * Who really proposed: the process proposes as itself (`review-process`), on a reviewer's verdict or
 * on a full quota; a supervisor by name. The officer's id is data, shown as recorded.
 */
function Proposer({ proposal, reviewerId }: { proposal: RefusalProposal; reviewerId: string | null }) {
  const { t } = useTranslation('domain');
  const who = { review: reviewerId, quota: null, supervisor: proposal.proposedBy }[proposal.source];
  return (
    <>
      <Text size="sm" data-testid="proposer" data-source={proposal.source}>
        {t(`refusal.proposedBy.${proposal.source}`)}
      </Text>
      <Text size="xs" c="dimmed">
        {who && (
          <>
            <span translate="no" data-testid="proposer-id">
              {who}
            </span>
            {', '}
          </>
        )}
        {formatInstant(proposal.proposedAt)}
      </Text>
    </>
  );
}

function Objections({ proposal }: { proposal: RefusalProposal }) {
  const { t } = useTranslation('hearing');
  return (
    <Field label={t('proposal.objections')} testId="objections">
      {proposal.objections.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('proposal.noObjections')}
        </Text>
      ) : (
        <Stack gap="xs">
          {proposal.objections.map((objection) => (
            <div key={objection.objectionId}>
              <Text size="xs" c="dimmed">
                {formatInstant(objection.at)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} translate="no">
                {objection.text}
              </Text>
              <AddedDocuments documents={objection.documentsAdded} />
            </div>
          ))}
        </Stack>
      )}
    </Field>
  );
}

function HeardRecord({ proposal }: { proposal: RefusalProposal }) {
  const { t } = useTranslation('hearing');
  const heard = proposal.heard;
  if (!heard)
    return (
      <Text size="sm" c="dimmed" data-testid="not-heard">
        {t('proposal.notHeard')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="heard">
      <Text size="sm" fw={600}>
        {t('proposal.heard')}
      </Text>
      <SimpleGrid cols={2} spacing="sm">
        <Field label={t('proposal.heldAt')}>{formatInstant(heard.heldAt)}</Field>
        <Field label={t('proposal.heardBy')}>
          <span translate="no">{heard.heardBy}</span>
        </Field>
        <Field label={t('proposal.attendance')} testId="attendance">
          {t(`hearing.attendance.${heard.attendance}`, { ns: 'domain' })}
        </Field>
      </SimpleGrid>
      <Field label={t('proposal.statement')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} translate="no" data-testid="statement">
          {heard.statement}
        </Text>
      </Field>
      <AddedDocuments documents={heard.documentsAdded} />
    </Stack>
  );
}
