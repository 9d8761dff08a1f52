import { Alert, Button, Center, Table } from '@mantine/core';
import { Loading } from './Loading';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ListedApplication } from '../api/shapes';
import type { Language } from '../i18n/messages';
import { formatInstant } from '../format';
import { ProblemAlert } from './ProblemAlert';
import { SlaClockBadge } from './SlaClockBadge';
import rows from './rows.module.css';
import type { usePages } from './usePages';

type Pages = ReturnType<typeof usePages<ListedApplication>>;

/**
 * Applications as the queues and the search list them, in the order the API gives (by due date for
 * the queues), one page at a time: "show more" asks for the next cursor page. Rows are plain table
 * elements (rows.module.css): 50 rows of Mantine cells took 100–150 ms to render.
 */
export function ApplicationsTable({ pages, caption }: { pages: Pages; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (pages.isPending)
    return (
      <Center p="lg">
        <Loading />
      </Center>
    );
  if (pages.isError) return <ProblemAlert problem={pages.error} />;
  if (pages.items.length === 0)
    return (
      <Alert color="gray" variant="light" data-testid="empty">
        {t('empty')}
      </Alert>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="applications">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.applicant')}</Table.Th>
              <Table.Th>{t('list.iin')}</Table.Th>
              <Table.Th>{t('list.region')}</Table.Th>
              <Table.Th>{t('list.category')}</Table.Th>
              <Table.Th ta="right">{t('list.persons')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
              <Table.Th>{t('list.due')}</Table.Th>
              <Table.Th>{t('list.clock')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pages.items.map((item) => (
              <tr
                key={item.applicationId}
                className={rows.row}
                data-testid="application-row"
                data-id={item.applicationId}
              >
                <td className={rows.cell}>
                  <Link className={rows.link} to={`/applications/${item.applicationId}`}>
                    {item.applicantName}
                  </Link>
                </td>
                <td className={`${rows.cell} ${rows.mono}`}>{item.applicantIin}</td>
                <td className={rows.cell}>{t(`region.${item.region}`, { ns: 'domain' })}</td>
                <td className={rows.cell}>{t(`category.${item.category}`, { ns: 'domain' })}</td>
                <td className={`${rows.cell} ${rows.right}`}>{item.persons}</td>
                <td className={rows.cell}>{t(`status.${item.status}`, { ns: 'domain' })}</td>
                <td className={`${rows.cell} ${rows.nowrap}`}>{formatInstant(item.dueAt, language)}</td>
                <td className={rows.cell}>
                  <SlaClockBadge clock={item.clock} size="sm" />
                </td>
              </tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            {t('more')}
          </Button>
        </Center>
      )}
    </>
  );
}
