import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusalProposal } from '../../api/hearing-complaint-api';
import { useSession } from '../../auth/session';
import type { LoadedApplication } from '../../components/useApplication';
import { ConfirmRefusalDialog, ReopenDialog } from './DecideProposalDialogs';
import { RecordHearingDialog } from './RecordHearingDialog';

type Dialog = 'record' | 'confirm' | 'reopen' | null;

/**
 * What the officer may do with a proposed refusal: a reviewer or a supervisor records the hearing
 * once; only a supervisor makes the refusal final or finds the application eligible after all. The
 * API decides whether it is allowed yet (a refusal confirmed before the hearing's time is a 422 with
 * its reason, shown in the dialog); the buttons only follow the roles.
 */
export function HearingActions({
  application,
  proposal,
}: {
  application: LoadedApplication;
  proposal: RefusalProposal;
}) {
  const { t } = useTranslation('hearing');
  const session = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const role = session?.actor.role;
  const supervisor = role === 'supervisor';
  if (role !== 'reviewer' && !supervisor) return null;
  const close = () => setDialog(null);
  return (
    <>
      <Group gap="sm">
        {!proposal.heard && (
          <Button variant="default" onClick={() => setDialog('record')} data-testid="record-hearing">
            {t('proposal.record')}
          </Button>
        )}
        {supervisor && (
          <>
            <Button color="red.9" onClick={() => setDialog('confirm')} data-testid="confirm-refusal">
              {t('proposal.confirm')}
            </Button>
            <Button variant="default" onClick={() => setDialog('reopen')} data-testid="reopen">
              {t('proposal.reopen')}
            </Button>
          </>
        )}
      </Group>
      {!supervisor && (
        <Text size="xs" c="dimmed">
          {t('proposal.supervisorOnly')}
        </Text>
      )}
      <RecordHearingDialog application={application} opened={dialog === 'record'} onClose={close} />
      <ConfirmRefusalDialog application={application} opened={dialog === 'confirm'} onClose={close} />
      <ReopenDialog application={application} opened={dialog === 'reopen'} onClose={close} />
    </>
  );
}
