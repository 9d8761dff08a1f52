import { Button, Divider, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint, HearingAndComplaints, Revocation } from '../../api/hearing-complaint-api';
import { useSession } from '../../auth/session';
import type { ConsoleRole } from '../../auth/session';
import { SectionCard } from '../../components/SectionCard';
import type { LoadedApplication } from '../../components/useApplication';
import { formatDate, formatInstant, formatTenge } from '../../format';
import type { Language } from '../../i18n/messages';
import { Field } from '../reviewer/application/Field';
import { ComplaintClock } from './ComplaintClock';
import { AuthorityDecisionDialog, RejectDialog, SatisfyDialog } from './ComplaintDialogs';

type Dialog = { kind: 'satisfy' | 'reject'; complaint: Complaint } | { kind: 'authority' } | null;

/** Who records the authority's decision: the roles `POST /applications/{id}/authority-decisions` allows. */
export function recordsAuthorityDecisions(role: ConsoleRole | undefined): boolean {
  return role === 'supervisor' || role === 'admin';
}

/**
 * The applicant's complaints on this application, open and answered, and the decisions they (or the
 * authority) revoked (ADR 32). A supervisor answers an open complaint (satisfy with a remedy, or
 * reject with reasons) and records the authority's binding decision; the outcome shows here, and in
 * the decision and status above, without a reload.
 */
export function ComplaintsCard({
  application,
  redress,
}: {
  application: LoadedApplication;
  redress: HearingAndComplaints;
}) {
  const { t } = useTranslation('complaint');
  const session = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const supervisor = session?.actor.role === 'supervisor';
  const mayRecordAuthority = recordsAuthorityDecisions(session?.actor.role);
  const close = () => setDialog(null);
  const { complaints, revocations } = redress;
  return (
    <SectionCard
      id="complaints-title"
      title={t('card.title')}
      testId="complaints"
      actions={
        mayRecordAuthority && (
          <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'authority' })} data-testid="authority">
            {t('card.authority')}
          </Button>
        )
      }
    >
      {complaints.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('card.none')}
        </Text>
      )}
      {complaints.map((complaint, index) => (
        <Stack key={complaint.complaintId} gap="xs" data-testid="complaint" data-state={complaint.state}>
          {index > 0 && <Divider />}
          <ComplaintFacts complaint={complaint} />
          {supervisor && complaint.state === 'open' && (
            <Group gap="sm">
              <Button onClick={() => setDialog({ kind: 'satisfy', complaint })} data-testid="satisfy">
                {t('card.satisfy')}
              </Button>
              <Button variant="default" onClick={() => setDialog({ kind: 'reject', complaint })} data-testid="reject">
                {t('card.reject')}
              </Button>
            </Group>
          )}
        </Stack>
      ))}
      {revocations.length > 0 && <Revocations revocations={revocations} />}
      <SatisfyDialog
        application={application}
        complaint={dialog?.kind === 'satisfy' ? dialog.complaint : undefined}
        onClose={close}
      />
      <RejectDialog
        application={application}
        complaint={dialog?.kind === 'reject' ? dialog.complaint : undefined}
        onClose={close}
      />
      <AuthorityDecisionDialog
        application={application}
        complaints={complaints}
        opened={dialog?.kind === 'authority'}
        onClose={close}
      />
    </SectionCard>
  );
}

function ComplaintFacts({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation('complaint');
  return (
    <>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('card.heading', { against: t(`complaint.against.${complaint.against}`, { ns: 'domain' }) })}
        </Text>
        {complaint.state === 'open' ? (
          <ComplaintClock complaint={complaint} />
        ) : (
          <Text size="sm" fw={500} data-testid="complaint-state">
            {t(`complaint.state.${complaint.state}`, { ns: 'domain' })}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <Field label={t('card.filedAt')}>{formatInstant(complaint.filedAt)}</Field>
        <Field label={t('card.considerBy')}>{formatInstant(complaint.considerBy)}</Field>
        {complaint.decidedAt && (
          <Field label={t('card.decidedAt')}>
            {formatInstant(complaint.decidedAt)}
            {complaint.decidedBy && <span translate="no"> · {complaint.decidedBy}</span>}
          </Field>
        )}
        {complaint.remedy && (
          <Field label={t('card.remedy')}>{t(`complaint.remedy.${complaint.remedy}`, { ns: 'domain' })}</Field>
        )}
      </SimpleGrid>
      <Field label={t('card.text')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} translate="no">
          {complaint.text}
        </Text>
      </Field>
      {complaint.reasons && (
        // A satisfied complaint's reasons say why it was upheld; a rejected one's, why it was not.
        <Field label={t(complaint.state === 'rejected' ? 'card.reasons' : 'card.reason')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} translate="no">
            {complaint.reasons}
          </Text>
        </Field>
      )}
    </>
  );
}

function Revocations({ revocations }: { revocations: readonly Revocation[] }) {
  const { t, i18n } = useTranslation('complaint');
  const language = i18n.language as Language;
  return (
    <Stack gap={4} data-testid="revocations">
      <Divider />
      <Text size="sm" fw={600}>
        {t('card.revocations')}
      </Text>
      {revocations.map((revocation) => (
        <div
          key={`${revocation.decision.number}:${revocation.revokedAt}`}
          data-testid="revocation"
          data-by={revocation.by.kind}
        >
          <Text size="sm">
            {t('card.revoked', {
              number: revocation.decision.number,
              date: formatDate(revocation.decision.date),
              when: formatInstant(revocation.revokedAt),
            })}
            {' · '}
            {t(`card.revokedBy.${revocation.by.kind}`, { document: revocation.by.documentNumber ?? '—' })}
            {' · '}
            {t(`complaint.remedy.${revocation.remedy}`, { ns: 'domain' })}
          </Text>
          {revocation.subsidiesStopped.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('card.subsidiesStopped', {
                amounts: revocation.subsidiesStopped.map((subsidy) => formatTenge(subsidy.amount, language)).join(', '),
              })}
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}
