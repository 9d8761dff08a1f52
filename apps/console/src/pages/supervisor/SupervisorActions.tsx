import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedApplication } from '../../components/useApplication';
import { EscalateDialog, ReassignDialog, RefuseDialog } from './SupervisorDialogs';

type Dialog = 'reassign' | 'refuse' | 'escalate' | null;

/**
 * A supervisor's actions on an open application: hand its review to another reviewer, refuse it on
 * labelled grounds, or move it to the supervisors' queue once past its due instant (the process does
 * that itself on a breach; by hand it is for one it missed). The API refuses what the state forbids.
 */
export function SupervisorActions({ application }: { application: LoadedApplication }) {
  const { t } = useTranslation('supervisor');
  const [dialog, setDialog] = useState<Dialog>(null);
  const { details } = application;
  const open = details.status === 'signed' || details.status === 'under-review' || details.status === 'reviewed';
  if (!open) return null;
  const canReassign = details.status !== 'reviewed';
  const canEscalate = details.clock.state === 'breached' && !details.sla.escalated;
  const close = () => setDialog(null);
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="sm">
        {t('actions.title')}
      </Title>
      <Group gap="sm">
        <Button variant="default" onClick={() => setDialog('reassign')} disabled={!canReassign} data-testid="reassign">
          {t('actions.reassign')}
        </Button>
        <Button color="red.9" onClick={() => setDialog('refuse')} data-testid="refuse">
          {t('actions.refuse')}
        </Button>
        <Button variant="default" onClick={() => setDialog('escalate')} disabled={!canEscalate} data-testid="escalate">
          {t('actions.escalate')}
        </Button>
      </Group>
      {!canEscalate && (
        <Text size="xs" c="dimmed" mt="xs">
          {t(details.sla.escalated ? 'actions.alreadyEscalated' : 'actions.escalateWhenBreached')}
        </Text>
      )}
      <ReassignDialog application={application} opened={dialog === 'reassign'} onClose={close} />
      <RefuseDialog application={application} opened={dialog === 'refuse'} onClose={close} />
      <EscalateDialog application={application} opened={dialog === 'escalate'} onClose={close} />
    </Card>
  );
}
