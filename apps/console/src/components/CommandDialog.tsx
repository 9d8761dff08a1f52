import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

/** A modal form: its fields, the problem the API answered (fields it names shown at them), and the action. */
export function CommandDialog({
  title,
  opened,
  onClose,
  onSubmit,
  pending,
  problem,
  shown,
  submitLabel,
  danger,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  problem: unknown;
  shown: string[];
  submitLabel: string;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('cancel') }}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {children}
          <ProblemAlert problem={problem} shown={shown} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={pending} color={danger ? 'red.9' : undefined} data-testid="confirm">
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Why the officer does it, recorded with the command (free text): required, a few lines, the field
 * the API names `reason` unless told (`reasons`).
 */
export function ReasonInput({
  label,
  value,
  onChange,
  error,
  testId = 'reason',
  minRows = 2,
  autoFocus = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  testId?: string;
  minRows?: number;
  autoFocus?: boolean;
}) {
  return (
    <Textarea
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      withAsterisk
      autosize
      minRows={minRows}
      data-autofocus={autoFocus || undefined}
      data-testid={testId}
    />
  );
}
