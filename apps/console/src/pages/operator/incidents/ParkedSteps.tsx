import { useState } from 'react';
import { Alert, Button, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { PagedTable } from '../../../components/PagedTable';
import { SectionCard } from '../../../components/SectionCard';
import { useCursorPages } from '../../../components/cursor-pages';
import { formatInstant } from '../../../format';
import type { Language } from '../../../i18n';
import { deadLettersPage, retryDeadLetter } from './incident-api';
import type { DeadLetter, RetryOutcome } from './incident-api';

/**
 * Saga steps that failed every retry and were parked: the event, the step that parked it, its error,
 * and "run again" — answered at once with what the step did (its commands, or why it parked again).
 */
export function ParkedSteps() {
  const { t, i18n } = useTranslation('operator');
  const language = i18n.language as Language;
  const queries = useQueryClient();
  const parked = useCursorPages(['incidents', 'parked'], (cursor) => deadLettersPage('parked', cursor));
  const [outcome, setOutcome] = useState<{ letter: DeadLetter; outcome: RetryOutcome } | null>(null);
  const retry = useMutation({
    mutationFn: (letter: DeadLetter) => retryDeadLetter(letter.eventId),
    onSuccess: (answer, letter) => {
      setOutcome({ letter, outcome: answer });
      void queries.invalidateQueries({ queryKey: ['incidents', 'parked'] });
    },
  });
  return (
    <SectionCard id="parked-steps-title" title={t('incidents.parked.title')} caption={t('incidents.parked.caption')}>
      {outcome && (
        <Alert
          role="status"
          color={outcome.outcome.outcome === 'done' ? 'green' : 'orange'}
          withCloseButton
          onClose={() => setOutcome(null)}
        >
          {outcome.outcome.outcome === 'done'
            ? t('incidents.parked.done', { type: outcome.letter.type, commands: outcome.outcome.commands ?? 0 })
            : t('incidents.parked.again', { type: outcome.letter.type })}
          {outcome.outcome.outcome === 'parked' && <span translate="no"> {outcome.outcome.error}</span>}
        </Alert>
      )}
      {retry.error && <ProblemAlert problem={retry.error} />}
      <PagedTable
        pages={parked}
        empty={t('incidents.parked.none')}
        labelledBy="parked-steps-title"
        minWidth={900}
        columns={[
          { heading: t('incidents.since') },
          { heading: t('incidents.event') },
          { heading: t('incidents.parked.step') },
          { heading: t('incidents.reason') },
          { heading: t('incidents.attempts'), align: 'right' },
          { heading: t('incidents.action') },
        ]}
        rowKey={(letter) => letter.eventId}
        cells={(letter) => (
          <>
            <Table.Td>{formatInstant(letter.parkedAt, language)}</Table.Td>
            <Table.Td translate="no">
              <Text size="sm">{letter.type}</Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {letter.streamId}
              </Text>
            </Table.Td>
            <Table.Td translate="no">{letter.consumer}</Table.Td>
            <Table.Td translate="no">
              {letter.error.code && (
                <Text size="sm" ff="monospace">
                  {letter.error.code}
                </Text>
              )}
              <Text size="xs">{letter.error.message}</Text>
            </Table.Td>
            <Table.Td ta="right">{letter.attempts}</Table.Td>
            <Table.Td>
              <Button
                size="compact-sm"
                loading={retry.isPending && retry.variables?.eventId === letter.eventId}
                onClick={() => retry.mutate(letter)}
                aria-label={t('incidents.parked.retryOf', { type: letter.type, stream: letter.streamId })}
              >
                {t('incidents.retry')}
              </Button>
            </Table.Td>
          </>
        )}
      />
    </SectionCard>
  );
}
