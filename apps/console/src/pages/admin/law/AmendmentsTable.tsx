import { useState } from 'react';
import { Button, List, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PagedList } from '../../../components/PagedList';
import { SectionCard } from '../../../components/SectionCard';
import { useCursorPages } from '../../../components/cursor-pages';
import { formatDate, formatInstant, formatNumber, formatTenge } from '../../../format';
import type { Language } from '../../../i18n';
import { amendmentsPage } from './law-api';
import type { Amendment, LawTable } from './law-api';
import { LegalBasisText } from './LegalBasisText';
import { MovedApplicationsModal } from './MovedApplicationsModal';

/** Only these tables move the deadlines of pending reviews (ADR 23). */
const MOVES_DEADLINES: readonly LawTable[] = ['calendar', 'sla-policy'];

/** Every amendment of one table (one year of the calendar), newest first: who, when, on what act, what changed. */
export function AmendmentsTable({ table, year }: { table: LawTable; year?: number }) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  const [moved, setMoved] = useState<Amendment | null>(null);
  const amendments = useCursorPages(['law', 'amendments', table, year], (cursor) =>
    amendmentsPage({ table, ...(year === undefined ? {} : { year }) }, cursor),
  );
  return (
    <SectionCard id={`amendments-${table}`} title={t('law.amendments.title')}>
      <PagedList pages={amendments} empty={t('law.amendments.none')}>
        {(items) => (
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="xs" striped aria-labelledby={`amendments-${table}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('law.amendments.version')}</Table.Th>
                  <Table.Th>{t('law.amendments.recorded')}</Table.Th>
                  <Table.Th w="34%">{t('law.basis')}</Table.Th>
                  <Table.Th>{t('law.takesEffectOn')}</Table.Th>
                  <Table.Th>{t('law.amendments.changed')}</Table.Th>
                  {MOVES_DEADLINES.includes(table) && (
                    <Table.Th>
                      <VisuallyHidden>{t('law.amendments.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((amendment) => (
                  <Table.Tr key={amendment.eventId}>
                    <Table.Td>{amendment.version}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatInstant(amendment.recordedAt, language)}</Text>
                      <Text
                        size="xs"
                        c="dimmed"
                        translate={amendment.recordedBy.id === 'system/law-baseline' ? 'yes' : 'no'}
                      >
                        {amendment.recordedBy.id === 'system/law-baseline'
                          ? t('law.amendments.baseline')
                          : t('law.amendments.by', {
                              id: amendment.recordedBy.id,
                              role: t(`roles.${amendment.recordedBy.role}`, {
                                ns: 'common',
                                defaultValue: amendment.recordedBy.role,
                              }),
                            })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <LegalBasisText basis={amendment.legalBasis} />
                      {amendment.reason && (
                        <Text size="xs" c="dimmed" mt={4}>
                          {t('law.amendments.reason')}: <span translate="no">{amendment.reason}</span>
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(amendment.takesEffectOn, language)}</Table.Td>
                    <Table.Td>
                      <Changes amendment={amendment} />
                    </Table.Td>
                    {MOVES_DEADLINES.includes(table) && (
                      <Table.Td>
                        <Button size="compact-sm" variant="light" onClick={() => setMoved(amendment)}>
                          {t('law.amendments.moved')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </PagedList>
      {moved && <MovedApplicationsModal amendment={moved} onClose={() => setMoved(null)} />}
    </SectionCard>
  );
}

/** What one amendment changed, in the officer's words (the calendar's days, the MCI's rows). */
function Changes({ amendment }: { amendment: Amendment }) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  const dates = (days: readonly string[]) => days.map((day) => formatDate(day, language)).join(', ');
  const lines: string[] = [];
  if (amendment.workingDays !== null)
    lines.push(t('law.amendments.workingDays', { days: formatNumber(amendment.workingDays, language) }));
  if (amendment.daysOffAdded?.length)
    lines.push(t('law.amendments.daysOffAdded', { days: dates(amendment.daysOffAdded) }));
  if (amendment.daysOffRemoved?.length)
    lines.push(t('law.amendments.daysOffRemoved', { days: dates(amendment.daysOffRemoved) }));
  for (const row of amendment.rowsAdded ?? [])
    lines.push(
      t('law.amendments.mciAdded', {
        from: formatDate(row.validFrom, language),
        value: formatTenge(row.value, language),
      }),
    );
  for (const row of amendment.rowsChanged ?? [])
    lines.push(
      t('law.amendments.mciChanged', {
        from: formatDate(row.validFrom, language),
        before: formatTenge(row.from, language),
        after: formatTenge(row.to, language),
      }),
    );
  if (lines.length === 0) return <Text size="sm">{t('law.amendments.wholeTable')}</Text>;
  return (
    <List size="sm" spacing={2}>
      {lines.map((line) => (
        <List.Item key={line}>{line}</List.Item>
      ))}
    </List>
  );
}
