import { useState } from 'react';
import { Button, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { PagedTable } from '../../../components/PagedTable';
import { SectionCard } from '../../../components/SectionCard';
import { useCursorPages } from '../../../components/cursor-pages';
import type { CursorPage } from '../../../components/cursor-pages';
import { formatInstant } from '../../../format';
import type { Language } from '../../../i18n';
import { parkedNoticesPage, retryNotice } from './incident-api';
import type { ParkedNotice } from './incident-api';
import { RetriedNotice } from './RetriedNotice';

/**
 * Notices to applicants the portal refused as many times as allowed (KANDAS_NOTICE_MAX_ATTEMPTS):
 * parked, the others not held behind them. "Send again" gives a notice a fresh allowance of
 * attempts; the screen then follows its delivery until the portal has it.
 */
export function ParkedNotices() {
  const { t, i18n } = useTranslation('operator');
  const language = i18n.language as Language;
  const queries = useQueryClient();
  // Refreshed on its own: the list is read from the delivery read model, a moment behind a retry.
  const parked = useCursorPages(['incidents', 'notices'], parkedNoticesPage, { refetchInterval: 5_000 });
  const [retried, setRetried] = useState<ParkedNotice[]>([]);
  const retry = useMutation({
    mutationFn: (notice: ParkedNotice) => retryNotice(notice.noticeId),
    onSuccess: (_answer, notice) => {
      setRetried((before) => [notice, ...before.filter((other) => other.noticeId !== notice.noticeId)]);
      // Out of the list at once; the next refresh puts it back if it is parked again.
      queries.setQueryData<InfiniteData<CursorPage<ParkedNotice>>>(['incidents', 'notices'], (pages) =>
        pages
          ? {
              ...pages,
              pages: pages.pages.map((page) => ({
                ...page,
                items: page.items.filter((item) => item.noticeId !== notice.noticeId),
              })),
            }
          : pages,
      );
    },
  });
  return (
    <SectionCard
      id="parked-notices-title"
      title={t('incidents.notices.title')}
      caption={t('incidents.notices.caption')}
    >
      {retried.map((notice) => (
        <RetriedNotice key={notice.noticeId} notice={notice} />
      ))}
      {retry.error && <ProblemAlert problem={retry.error} />}
      <PagedTable
        pages={parked}
        empty={t('incidents.notices.none')}
        labelledBy="parked-notices-title"
        minWidth={900}
        columns={[
          { heading: t('incidents.since') },
          { heading: t('incidents.notices.notice') },
          { heading: t('incidents.reason') },
          { heading: t('incidents.attempts'), align: 'right' },
          { heading: t('incidents.action') },
        ]}
        rowKey={(notice) => notice.noticeId}
        cells={(notice) => (
          <>
            <Table.Td>{formatInstant(notice.parkedAt, language)}</Table.Td>
            <Table.Td>
              <Text size="sm">{t(`incidents.notices.kind.${notice.kind}`)}</Text>
              <Text size="xs" c="dimmed" ff="monospace" translate="no">
                {notice.applicationId}
              </Text>
            </Table.Td>
            <Table.Td translate="no">{notice.lastError ?? '—'}</Table.Td>
            <Table.Td ta="right">{notice.failedAttempts}</Table.Td>
            <Table.Td>
              <Button
                size="compact-sm"
                loading={retry.isPending && retry.variables?.noticeId === notice.noticeId}
                onClick={() => retry.mutate(notice)}
                aria-label={t('incidents.notices.retryOf', { application: notice.applicationId })}
              >
                {t('incidents.notices.retry')}
              </Button>
            </Table.Td>
          </>
        )}
      />
    </SectionCard>
  );
}
