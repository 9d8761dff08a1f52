import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PagedTable } from '../../../components/PagedTable';
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
      <PagedTable
        pages={changes}
        empty={t('law.timeliness.none')}
        labelledBy="timeliness-title"
        minWidth={900}
        columns={[
          { heading: t('law.timeliness.application') },
          { heading: t('law.timeliness.decision') },
          { heading: t('law.timeliness.then') },
          { heading: t('law.timeliness.now') },
          { heading: t('law.timeliness.amendments') },
        ]}
        rowKey={(change) => change.applicationId}
        cells={(change) => (
          <>
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
          </>
        )}
      />
    </SectionCard>
  );
}
