import { Alert, Anchor, Button, Center, Table, Text } from '@mantine/core';
import { Loading } from './Loading';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ListedApplication } from '../api/shapes';
import type { Language } from '../i18n/messages';
import { formatInstant } from '../format';
import { ProblemAlert } from './ProblemAlert';
import { SlaClockBadge } from './SlaClockBadge';
import type { usePages } from './usePages';

type Pages = ReturnType<typeof usePages<ListedApplication>>;

/**
 * Applications as the queues and the search list them, in the order the API gives (by due date for
 * the queues), one page at a time: "show more" asks for the next cursor page.
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
              <Table.Tr key={item.applicationId} data-testid="application-row" data-id={item.applicationId}>
                <Table.Td>
                  <Anchor component={Link} to={`/applications/${item.applicationId}`} fw={500}>
                    {item.applicantName}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace">{item.applicantIin}</Table.Td>
                <Table.Td>{t(`region.${item.region}`, { ns: 'domain' })}</Table.Td>
                <Table.Td>{t(`category.${item.category}`, { ns: 'domain' })}</Table.Td>
                <Table.Td ta="right">{item.persons}</Table.Td>
                <Table.Td>{t(`status.${item.status}`, { ns: 'domain' })}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatInstant(item.dueAt, language)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SlaClockBadge clock={item.clock} size="sm" />
                </Table.Td>
              </Table.Tr>
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
