import { Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hearingsPage } from '../../api/hearing-complaint-api';
import { PagedTable } from '../../components/PagedTable';
import { SlaClockBadge } from '../../components/SlaClockBadge';
import { useCursorPages } from '../../components/cursor-pages';
import { useRefusalGrounds } from '../../components/useRefusalGrounds';
import rows from '../../components/rows.module.css';
import { formatInstant } from '../../format';
import { LateMark } from './LateMark';

/** Read again every 15 s, as the review queues are: a proposal's hearing and objections come in meanwhile. */
const HEARINGS_REFRESH_MS = 15_000;

/**
 * The preliminary refusals waiting for their hearing or the supervisor's decision (ADR 32), the
 * earliest review deadline first: when the applicant must be told by (late said in words), the
 * hearing offered, the objections received, whether the applicant was heard, and the review's clock.
 */
export function HearingsPage() {
  const { t } = useTranslation('hearing');
  const grounds = useRefusalGrounds();
  const pages = useCursorPages(['hearings'], hearingsPage, { refetchInterval: HEARINGS_REFRESH_MS });
  return (
    <Stack>
      <Title order={2}>{t('queue.title')}</Title>
      <Text size="sm" c="dimmed" id="hearings-caption">
        {t('queue.hint')}
      </Text>
      <PagedTable
        pages={pages}
        empty={t('queue.empty')}
        labelledBy="hearings-caption"
        minWidth={1100}
        columns={[
          { heading: t('queue.applicant') },
          { heading: t('queue.grounds') },
          { heading: t('queue.notice') },
          { heading: t('queue.hearing') },
          { heading: t('queue.objections'), align: 'right' },
          { heading: t('queue.heard') },
          { heading: t('queue.clock') },
        ]}
        rowKey={(item) => item.applicationId}
        rowData={(item) => ({ 'data-testid': 'hearing-row', 'data-id': item.applicationId })}
        cells={(item) => (
          <>
            <td className={rows.cell}>
              <Link className={rows.link} to={`/applications/${item.applicationId}`}>
                {item.applicantName}
              </Link>
              <Text size="xs" c="dimmed">
                {t(`region.${item.region}`, { ns: 'domain' })} · {t(`category.${item.category}`, { ns: 'domain' })}
              </Text>
            </td>
            <td className={rows.cell}>
              {item.grounds.map((code) => (
                <Text key={code} size="sm">
                  {grounds.labelOf(code)}
                </Text>
              ))}
            </td>
            <td className={`${rows.cell} ${rows.nowrap}`} data-testid="notice-due">
              {formatInstant(item.noticeDueBy)}
              {item.noticeLate && <LateMark label={t('queue.noticeLate')} />}
            </td>
            <td className={rows.cell}>
              <Text size="sm">{t(`hearing.way.${item.hearing.way}`, { ns: 'domain' })}</Text>
              {item.hearing.place && <Text size="sm">{item.hearing.place}</Text>}
              <Text size="xs" c="dimmed" className={rows.nowrap}>
                {t('queue.heldBy', { when: formatInstant(item.hearing.heldBy) })}
              </Text>
            </td>
            <td className={`${rows.cell} ${rows.right}`} data-testid="objections">
              {item.objections}
            </td>
            <td className={`${rows.cell} ${rows.nowrap}`} data-testid="heard">
              {item.heardAt ? t('queue.heardAt', { when: formatInstant(item.heardAt) }) : t('queue.notHeard')}
            </td>
            <td className={rows.cell}>
              <SlaClockBadge clock={item.clock} size="sm" />
            </td>
          </>
        )}
      />
    </Stack>
  );
}
