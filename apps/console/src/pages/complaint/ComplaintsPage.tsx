import { Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { complaintsPage } from '../../api/hearing-complaint-api';
import { PagedTable } from '../../components/PagedTable';
import { useCursorPages } from '../../components/cursor-pages';
import rows from '../../components/rows.module.css';
import { formatInstant } from '../../format';
import { ComplaintClock } from './ComplaintClock';

/** As the escalated queue: a complaint's term is counted in working days, a few seconds behind is fine. */
const COMPLAINTS_REFRESH_MS = 15_000;

/**
 * The supervisors' open complaints, the earliest consider-by first (ADR 32: 5 working days from the
 * day of acceptance), each with its clock in words and colour, and a link to the application where
 * it is answered.
 */
export function ComplaintsPage() {
  const { t } = useTranslation('complaint');
  const pages = useCursorPages(['complaints'], complaintsPage, { refetchInterval: COMPLAINTS_REFRESH_MS });
  return (
    <Stack>
      <Title order={2}>{t('queue.title')}</Title>
      <Text size="sm" c="dimmed" id="complaints-caption">
        {t('queue.hint')}
      </Text>
      <PagedTable
        pages={pages}
        empty={t('queue.empty')}
        labelledBy="complaints-caption"
        minWidth={900}
        columns={[
          { heading: t('queue.applicant') },
          { heading: t('queue.region') },
          { heading: t('queue.against') },
          { heading: t('queue.filedAt') },
          { heading: t('queue.considerBy') },
          { heading: t('queue.clock') },
        ]}
        rowKey={(item) => item.complaintId}
        rowData={(item) => ({ 'data-testid': 'complaint-row', 'data-id': item.applicationId })}
        cells={(item) => (
          <>
            <td className={rows.cell}>
              <Link className={rows.link} to={`/applications/${item.applicationId}`}>
                {item.applicantName}
              </Link>
            </td>
            <td className={rows.cell}>{t(`region.${item.region}`, { ns: 'domain' })}</td>
            <td className={rows.cell}>{t(`complaint.against.${item.against}`, { ns: 'domain' })}</td>
            <td className={`${rows.cell} ${rows.nowrap}`}>{formatInstant(item.filedAt)}</td>
            <td className={`${rows.cell} ${rows.nowrap}`}>{formatInstant(item.considerBy)}</td>
            <td className={rows.cell}>
              <ComplaintClock complaint={item} />
            </td>
          </>
        )}
      />
    </Stack>
  );
}
