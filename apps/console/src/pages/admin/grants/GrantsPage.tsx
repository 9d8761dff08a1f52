import { useState } from 'react';
import { Button, Card, Code, CopyButton, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import type { paths } from '../../../api/openapi';
import { EMPTY_SELECTION, ExportSelectionFields } from '../../../components/ExportSelectionFields';
import type { SelectionDraft } from '../../../components/ExportSelectionFields';
import { selectionOf } from '../../../components/export-selection';
import { fieldError, onlyFieldErrors, refusedInput } from '../../../components/field-errors';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../format';
import { parseAlmatyDateTime } from '../../../format/parse';
import type { Language } from '../../../i18n';

type Grant = paths['/audit/disclosure-grants']['post']['responses'][201]['content']['application/json'];

const FIELDS = ['grantee', 'selection', 'reason', 'expiresAt'];

/**
 * An administrator grants one auditor one export of one selection in clear (ADR 26): single use,
 * expiring within 30 days, for a stated reason, each grant a recorded event. The grant id is what
 * the auditor gives the export; this screen shows it to pass on.
 */
export function GrantsPage() {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  const [grantee, setGrantee] = useState('');
  const [selection, setSelection] = useState<SelectionDraft>(EMPTY_SELECTION);
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [granted, setGranted] = useState<Grant[]>([]);
  const mutation = useMutation({
    mutationFn: () => {
      const badTime = t('badDateTime', { ns: 'common' });
      const until = parseAlmatyDateTime(expiresAt);
      if (until === null) throw refusedInput([{ field: 'expiresAt', reason: badTime }]);
      const body = { grantee: grantee.trim(), selection: selectionOf(selection, badTime), reason: reason.trim() };
      return data(api.POST('/audit/disclosure-grants', { body: { ...body, expiresAt: until } }));
    },
    onSuccess: (grant) => setGranted((before) => [grant, ...before]),
  });
  const error = mutation.error;
  return (
    <Stack gap="md">
      <Title order={2}>{t('grants.title')}</Title>
      <Text c="dimmed" maw={900}>
        {t('grants.caption')}
      </Text>
      <Card withBorder maw={900}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate();
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t('grants.grantee')}
              description={t('grants.granteeHint')}
              value={grantee}
              onChange={(event) => setGrantee(event.currentTarget.value)}
              required
              error={fieldError(error, 'grantee')}
            />
            <ExportSelectionFields value={selection} onChange={setSelection} error={error} />
            <Textarea
              label={t('grants.reason')}
              description={t('grants.reasonHint')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              autosize
              minRows={2}
              required
              error={fieldError(error, 'reason')}
            />
            <TextInput
              label={t('grants.expiresAt')}
              placeholder={t('dateTimePlaceholder', { ns: 'common' })}
              description={t('grants.expiresAtHint')}
              value={expiresAt}
              onChange={(event) => setExpiresAt(event.currentTarget.value)}
              required
              maw={320}
              error={fieldError(error, 'expiresAt')}
            />
            {error && !onlyFieldErrors(error, FIELDS) && <ProblemAlert problem={error} />}
            <Group justify="flex-end">
              <Button type="submit" loading={mutation.isPending}>
                {t('grants.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {granted.length > 0 && (
        <Card withBorder component="section" aria-labelledby="granted-title">
          <Title order={3} size="h4" id="granted-title" mb="sm">
            {t('grants.granted')}
          </Title>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs" aria-labelledby="granted-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('grants.grantId')}</Table.Th>
                  <Table.Th>{t('grants.granteeColumn')}</Table.Th>
                  <Table.Th>{t('grants.selection')}</Table.Th>
                  <Table.Th>{t('grants.expiresAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {granted.map((grant) => (
                  <Table.Tr key={grant.grantId}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Code data-testid="grant-id" translate="no" style={{ whiteSpace: 'nowrap' }}>
                          {grant.grantId}
                        </Code>
                        <CopyButton value={grant.grantId}>
                          {({ copied, copy }) => (
                            <Button size="compact-xs" variant="subtle" onClick={copy}>
                              {copied ? t('copied', { ns: 'common' }) : t('copy', { ns: 'common' })}
                            </Button>
                          )}
                        </CopyButton>
                      </Group>
                    </Table.Td>
                    <Table.Td translate="no">{grant.grantee}</Table.Td>
                    <Table.Td>
                      <Code translate="no">{JSON.stringify(grant.selection)}</Code>
                    </Table.Td>
                    <Table.Td>{formatInstant(grant.expiresAt, language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
