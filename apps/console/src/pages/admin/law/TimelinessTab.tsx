import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { ShowMore } from '../../../components/ShowMore';
import { useCursorPages } from '../../../components/cursor-pages';
import { formatDate, formatInstant } from '../../../format';
import type { Language } from '../../../i18n';
import { timelinessPage } from './law-api';

/**
 * Decisions whose verdict "on time" or "late" differs between the law they were decided under and
 * the law in force now. Their history stands (a decided application is never moved): this only
 * shows which ones an amendment would have judged otherwise, and which amendment.
 */
export function TimelinessTab() {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  const changes = useCursorPages(['law', 'timeliness'], timelinessPage);
  const verdict = (late: boolean) => (
    <Badge color={late ? 'red' : 'green'} variant="light">
      {late ? t('law.timeliness.late') : t('law.timeliness.onTime')}
    </Badge>
  );
  return (
    <Card withBorder component="section" aria-labelledby="timeliness-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="timeliness-title">
          {t('law.timeliness.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('law.timeliness.caption')}
        </Text>
        {changes.error && <ProblemAlert error={changes.error} />}
        {changes.isPending ? (
          <Loading />
        ) : changes.items.length === 0 ? (
          <Text>{t('law.timeliness.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" aria-labelledby="timeliness-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('law.timeliness.application')}</Table.Th>
                  <Table.Th>{t('law.timeliness.decision')}</Table.Th>
                  <Table.Th>{t('law.timeliness.then')}</Table.Th>
                  <Table.Th>{t('law.timeliness.now')}</Table.Th>
                  <Table.Th>{t('law.timeliness.amendments')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.items.map((change) => (
                  <Table.Tr key={change.applicationId}>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {change.applicationId}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`region.${change.region}`, { ns: 'domain' })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`decision.${change.decision}`, { ns: 'domain' })}</Text>
                      <Text size="xs" c="dimmed">
                        {change.decisionNumber ?? '—'} · {formatDate(change.decisionDate, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {formatInstant(change.decidedUnder.dueAt, language)} {verdict(change.decidedUnder.late)}
                    </Table.Td>
                    <Table.Td>
                      {formatInstant(change.underLawInForce.dueAt, language)} {verdict(change.underLawInForce.late)}
                    </Table.Td>
                    <Table.Td>{change.amendments.map((amendment) => amendment.version).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ShowMore
          hasMore={changes.hasNextPage}
          loading={changes.isFetchingNextPage}
          onMore={() => void changes.fetchNextPage()}
        />
      </Stack>
    </Card>
  );
}
