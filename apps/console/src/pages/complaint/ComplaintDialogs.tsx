import { Group, Radio, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Complaint, Remedy } from '../../api/hearing-complaint-api';
import { CommandDialog, ReasonInput } from '../../components/CommandDialog';
import { fieldError, refusedInput } from '../../components/field-errors';
import { useApplicationCommand, type LoadedApplication } from '../../components/useApplication';
import { formatInstant } from '../../format';
import { parseDate } from '../../format/parse';

const REMEDIES: readonly Remedy[] = ['return-to-review', 'include'];

interface ComplaintDialogProps {
  readonly application: LoadedApplication;
  /** The complaint answered; none: the dialog is closed. */
  readonly complaint: Complaint | undefined;
  readonly onClose: () => void;
}

/** How a satisfied complaint sets the decision right: reviewed afresh, or included in the quota. */
function RemedyChoice({
  value,
  onChange,
  error,
}: {
  value: Remedy;
  onChange: (remedy: Remedy) => void;
  error?: string;
}) {
  const { t } = useTranslation('complaint');
  return (
    <Radio.Group
      label={t('satisfy.remedy')}
      value={value}
      onChange={(chosen) => onChange(chosen)}
      error={error}
      withAsterisk
    >
      <Group mt={4}>
        {REMEDIES.map((remedy) => (
          <Radio
            key={remedy}
            value={remedy}
            label={t(`complaint.remedy.${remedy}`, { ns: 'domain' })}
            data-testid={`remedy-${remedy}`}
          />
        ))}
      </Group>
    </Radio.Group>
  );
}

/** The supervisor upholds the complaint: the decision is revoked and set right by the remedy chosen. */
export function SatisfyDialog({ application, complaint, onClose }: ComplaintDialogProps) {
  const { t } = useTranslation('complaint');
  const id = application.details.applicationId;
  const [remedy, setRemedy] = useState<Remedy>('include');
  const [reason, setReason] = useState('');
  const command = useApplicationCommand(id, onClose);
  return (
    <CommandDialog
      title={t('satisfy.title')}
      opened={complaint !== undefined}
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={['remedy', 'reason']}
      submitLabel={t('satisfy.submit')}
      onSubmit={() =>
        complaint &&
        command.mutate(() =>
          api.POST('/applications/{id}/complaints/{complaintId}/satisfy', {
            params: { path: { id, complaintId: complaint.complaintId }, header: { 'If-Match': application.etag } },
            body: { remedy, reason: reason.trim() },
          }),
        )
      }
    >
      <RemedyChoice value={remedy} onChange={setRemedy} error={fieldError(command.error, 'remedy')} />
      <ReasonInput
        label={t('satisfy.reason')}
        value={reason}
        onChange={setReason}
        error={fieldError(command.error, 'reason')}
        autoFocus
      />
    </CommandDialog>
  );
}

/** The supervisor rejects the complaint, with the reasons the applicant is told. */
export function RejectDialog({ application, complaint, onClose }: ComplaintDialogProps) {
  const { t } = useTranslation('complaint');
  const id = application.details.applicationId;
  const [reasons, setReasons] = useState('');
  const command = useApplicationCommand(id, onClose);
  return (
    <CommandDialog
      title={t('reject.title')}
      opened={complaint !== undefined}
      onClose={onClose}
      pending={command.isPending}
      problem={command.error}
      shown={['reasons']}
      submitLabel={t('reject.submit')}
      danger
      onSubmit={() =>
        complaint &&
        command.mutate(() =>
          api.POST('/applications/{id}/complaints/{complaintId}/reject', {
            params: { path: { id, complaintId: complaint.complaintId }, header: { 'If-Match': application.etag } },
            body: { reasons: reasons.trim() },
          }),
        )
      }
    >
      <ReasonInput
        label={t('reject.reasons')}
        value={reasons}
        onChange={setReasons}
        error={fieldError(command.error, 'reasons')}
        testId="reasons"
        minRows={3}
        autoFocus
      />
    </CommandDialog>
  );
}

const NO_COMPLAINT = 'none';

/**
 * The authority's decision on a complaint, binding on the provider: its document, its outcome, and
 * when satisfied how the decision is set right. It answers one of the complaints filed here, or one
 * filed with the authority directly.
 */
export function AuthorityDecisionDialog({
  application,
  complaints,
  opened,
  onClose,
}: {
  application: LoadedApplication;
  complaints: readonly Complaint[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('complaint');
  const id = application.details.applicationId;
  const [complaintId, setComplaintId] = useState(NO_COMPLAINT);
  const [authority, setAuthority] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const [date, setDate] = useState('');
  const [outcome, setOutcome] = useState<'satisfied' | 'rejected'>('satisfied');
  const [remedy, setRemedy] = useState<Remedy>('return-to-review');
  const command = useApplicationCommand(id, onClose);
  const error = command.error;
  const submit = () =>
    command.mutate(() => {
      const on = parseDate(date);
      if (on === null) throw refusedInput([{ field: 'date', reason: t('badDate', { ns: 'common' }) }]);
      return api.POST('/applications/{id}/authority-decisions', {
        params: { path: { id }, header: { 'If-Match': application.etag } },
        body: {
          ...(complaintId === NO_COMPLAINT ? {} : { complaintId }),
          authority: authority.trim(),
          documentNumber: documentNumber.trim(),
          date: on,
          outcome,
          ...(outcome === 'satisfied' ? { remedy } : {}),
        },
      });
    });
  const complaintOptions = [
    { value: NO_COMPLAINT, label: t('authority.noComplaint') },
    ...complaints.map((complaint) => ({
      value: complaint.complaintId,
      label: `${t(`complaint.against.${complaint.against}`, { ns: 'domain' })}, ${formatInstant(complaint.filedAt)}`,
    })),
  ];
  return (
    <CommandDialog
      title={t('authority.title')}
      opened={opened}
      onClose={onClose}
      pending={command.isPending}
      problem={error}
      shown={['complaintId', 'authority', 'documentNumber', 'date', 'outcome', 'remedy']}
      submitLabel={t('authority.submit')}
      onSubmit={submit}
    >
      <Select
        label={t('authority.complaint')}
        data={complaintOptions}
        value={complaintId}
        onChange={(value) => setComplaintId(value ?? NO_COMPLAINT)}
        error={fieldError(error, 'complaintId')}
        allowDeselect={false}
        comboboxProps={{ withinPortal: false }}
      />
      <TextInput
        label={t('authority.authority')}
        value={authority}
        onChange={(event) => setAuthority(event.currentTarget.value)}
        error={fieldError(error, 'authority')}
        data-testid="authority-input"
        withAsterisk
        data-autofocus
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('authority.documentNumber')}
          value={documentNumber}
          onChange={(event) => setDocumentNumber(event.currentTarget.value)}
          error={fieldError(error, 'documentNumber')}
          data-testid="document-number-input"
          withAsterisk
        />
        <TextInput
          label={t('authority.date')}
          placeholder={t('datePlaceholder', { ns: 'common' })}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={fieldError(error, 'date')}
          data-testid="authority-date-input"
          withAsterisk
        />
      </Group>
      <Radio.Group
        label={t('authority.outcome')}
        value={outcome}
        onChange={(value) => setOutcome(value)}
        error={fieldError(error, 'outcome')}
        withAsterisk
      >
        <Group mt={4}>
          <Radio value="satisfied" label={t('authority.satisfied')} />
          <Radio value="rejected" label={t('authority.rejected')} />
        </Group>
      </Radio.Group>
      {outcome === 'satisfied' && (
        <RemedyChoice value={remedy} onChange={setRemedy} error={fieldError(error, 'remedy')} />
      )}
    </CommandDialog>
  );
}
