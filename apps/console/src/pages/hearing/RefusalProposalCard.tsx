import { List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RefusalProposal } from '../../api/hearing-complaint-api';
import { SectionCard } from '../../components/SectionCard';
import type { LoadedApplication } from '../../components/useApplication';
import { useRefusalGrounds } from '../../components/useRefusalGrounds';
import { formatInstant } from '../../format';
import { Field } from '../reviewer/application/Field';
import { AddedDocuments } from './AddedDocuments';
import { HearingActions } from './HearingActions';
import { LateMark } from './LateMark';

/**
 * A refusal proposed but not yet final (ADR 32): its grounds in words and its explanation, when the
 * applicant had to be told by, the hearing offered, the applicant's objections, the record of the
 * hearing once held, and what the officer's role may do now.
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
        <Field label={t('proposal.source')}>{t(`hearing.source.${proposal.source}`, { ns: 'domain' })}</Field>
        <Field label={t('proposal.proposedBy')}>
          <span translate="no">{proposal.proposedBy}</span>, {formatInstant(proposal.proposedAt)}
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
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} translate="no">
            {proposal.explanation}
          </Text>
        </Field>
      )}
      <Objections proposal={proposal} />
      <HeardRecord proposal={proposal} />
      <HearingActions application={application} proposal={proposal} />
    </SectionCard>
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
