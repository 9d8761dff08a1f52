import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PagedTable } from '../../../components/PagedTable';
import { SectionCard } from '../../../components/SectionCard';
import { useCursorPages } from '../../../components/cursor-pages';
import { formatDate, formatInstant } from '../../../format';
import type { Language } from '../../../i18n';
import { deadLettersPage } from './incident-api';

/**
 * Steps waiting for a table of the law (ADR 23): not failures, nothing to retry. Each resumes by
 * itself once an administrator records what it awaits, so the screen says what that is.
 */
export function WaitingSteps() {
  const { t, i18n } = useTranslation('operator');
  const language = i18n.language as Language;
  const waiting = useCursorPages(['incidents', 'waiting'], (cursor) => deadLettersPage('waiting-for-data', cursor));
  return (
    <SectionCard id="waiting-steps-title" title={t('incidents.waiting.title')} caption={t('incidents.waiting.caption')}>
      <PagedTable
        pages={waiting}
        empty={t('incidents.waiting.none')}
        labelledBy="waiting-steps-title"
        minWidth={800}
        columns={[
          { heading: t('incidents.since') },
          { heading: t('incidents.event') },
          { heading: t('incidents.reason') },
          { heading: t('incidents.waiting.awaits') },
        ]}
        rowKey={(letter) => `${letter.consumer}:${letter.eventId}`}
        cells={(letter) => (
          <>
            <Table.Td>{formatInstant(letter.parkedAt, language)}</Table.Td>
            <Table.Td translate="no">
              <Text size="sm">{letter.type}</Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {letter.streamId}
              </Text>
            </Table.Td>
            <Table.Td translate="no">
              <Text size="sm" ff="monospace">
                {letter.error.code ?? letter.error.name}
              </Text>
              <Text size="xs">{letter.error.message}</Text>
            </Table.Td>
            <Table.Td>
              {letter.awaiting
                ? t('incidents.waiting.awaiting', {
                    table: t(`incidents.waiting.table.${letter.awaiting.table}`, {
                      defaultValue: letter.awaiting.table,
                    }),
                    // A key that is a day (the MCI's date) is shown as officers read days.
                    key: /^\d{4}-\d{2}-\d{2}$/.test(letter.awaiting.key)
                      ? formatDate(letter.awaiting.key, language)
                      : letter.awaiting.key,
                  })
                : '—'}
            </Table.Td>
          </>
        )}
      />
    </SectionCard>
  );
}
