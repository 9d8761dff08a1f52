import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PagedList } from '../../../components/PagedList';
import { SectionCard } from '../../../components/SectionCard';
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
    <SectionCard id="timeliness-title" title={t('law.timeliness.title')} caption={t('law.timeliness.caption')}>
      <PagedList pages={changes} empty={t('law.timeliness.none')}>
        {(items) => (
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
                {items.map((change) => (
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
      </PagedList>
    </SectionCard>
  );
}
