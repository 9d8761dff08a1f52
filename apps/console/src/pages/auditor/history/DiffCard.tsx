import { useState } from 'react';
import { Button, Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../format';
import type { Language } from '../../../i18n';
import { diffOf } from '../audit-api';
import type { HistoryEvent } from '../audit-api';

/** A changed value as JSON, kept to a few lines (a submission is long; the path says where it is). */
function shown(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = JSON.stringify(value);
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

/** Two chosen events, and what changed from the state after the first to the state after the second. */
export function DiffCard({ applicationId, events }: { applicationId: string; events: readonly HistoryEvent[] }) {
  const { t, i18n } = useTranslation('auditor');
  const language = i18n.language as Language;
  const last = Math.max(0, events.length - 1);
  const [from, setFrom] = useState(String(Math.max(0, last - 1)));
  const [to, setTo] = useState(String(last));
  const [asked, setAsked] = useState<{ from: number; to: number } | null>(null);
  const diff = useQuery({
    queryKey: ['audit', 'diff', applicationId, asked?.from, asked?.to],
    queryFn: () => diffOf(applicationId, asked!.from, asked!.to),
    enabled: asked !== null,
  });
  const options = events.map((event) => ({
    value: String(event.revision),
    label: `#${event.revision} · ${formatInstant(event.occurredAt, language)} · ${event.type}`,
  }));
  return (
    <SectionCard id="diff-title" title={t('history.diff.title')}>
      <Group align="flex-end" grow>
        <Select
          label={t('history.diff.from')}
          data={options}
          value={from}
          onChange={(value) => value && setFrom(value)}
          allowDeselect={false}
        />
        <Select
          label={t('history.diff.to')}
          data={options}
          value={to}
          onChange={(value) => value && setTo(value)}
          allowDeselect={false}
        />
      </Group>
      <Group>
        <Button variant="light" onClick={() => setAsked({ from: Number(from), to: Number(to) })}>
          {t('history.diff.compare')}
        </Button>
      </Group>
      {diff.error && <ProblemAlert problem={diff.error} />}
      {asked && diff.isPending && <Loading />}
      {diff.data && (
        <Stack gap="xs" data-testid="diff-result">
          <Text size="sm">
            {t('history.diff.events', { n: diff.data.events.length })}{' '}
            <span translate="no">{diff.data.events.map((event) => event.type).join(', ') || '—'}</span>
          </Text>
          {diff.data.changes.length === 0 ? (
            <Text size="sm">{t('history.diff.nothing')}</Text>
          ) : (
            <Table striped verticalSpacing={4} aria-labelledby="diff-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('history.diff.field')}</Table.Th>
                  <Table.Th>{t('history.diff.before')}</Table.Th>
                  <Table.Th>{t('history.diff.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {diff.data.changes.map((change) => (
                  <Table.Tr key={change.path} translate="no">
                    <Table.Td>
                      <Code>{change.path}</Code>
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>
                      <Text size="xs" ff="monospace">
                        {shown(change.before)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>
                      <Text size="xs" ff="monospace">
                        {shown(change.after)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
