import { useState } from 'react';
import { Badge, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatDate, formatNumber } from '../../../format';
import type { Language } from '../../../i18n';
import { AmendmentsTable } from './AmendmentsTable';
import { holidayName, parseDayOffReason } from './day-off-reason';
import { InForceCard } from './InForceCard';
import { calendarOf } from './law-api';

/** The years the service holds a calendar for (FACTS: 2025, 2026, and 2027 provisional). */
const YEARS = [2025, 2026, 2027];

/** A year of the working-day calendar: its days off with their reasons, weekend days worked, and its amendments. */
export function CalendarTab() {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  const [year, setYear] = useState(() => Math.min(Math.max(new Date().getFullYear(), YEARS[0]!), YEARS.at(-1)!));
  const calendar = useQuery({ queryKey: ['law', 'calendar', year], queryFn: () => calendarOf(year) });
  const reasonText = (reason: string) => {
    const parsed = parseDayOffReason(reason);
    switch (parsed.kind) {
      case 'holiday':
        return t('law.calendar.holiday', { name: holidayName(parsed.name, language) });
      case 'nonWorking':
        return t('law.calendar.nonWorking', { name: holidayName(parsed.name, language) });
      case 'moved':
        return t('law.calendar.moved', {
          name: holidayName(parsed.name, language),
          from: formatDate(parsed.from, language),
        });
      case 'transfer':
        return t('law.calendar.transfer', { from: formatDate(parsed.from, language) });
      case 'other':
        return parsed.text;
    }
  };
  return (
    <Stack gap="md">
      <Select
        label={t('law.calendar.year')}
        data={YEARS.map(String)}
        value={String(year)}
        onChange={(value) => value && setYear(Number(value))}
        allowDeselect={false}
        w={120}
      />
      {calendar.error && <ProblemAlert problem={calendar.error} />}
      {calendar.isPending && <Loading />}
      {calendar.data && (
        <InForceCard
          title={t('law.calendar.title', { year })}
          basis={calendar.data.inForce}
          badges={
            calendar.data.inForce.provisional ? (
              <Badge color="orange" variant="light">
                {t('law.calendar.provisional')}
              </Badge>
            ) : (
              <Badge color="green" variant="light">
                {t('law.calendar.confirmed')}
              </Badge>
            )
          }
        >
          <Group gap="xl">
            <Text>
              {t('law.calendar.workingDays')}: <b>{formatNumber(calendar.data.inForce.workingDays, language)}</b>
            </Text>
            <Text>
              {t('law.calendar.workedWeekendDays')}:{' '}
              <b>
                {calendar.data.inForce.workedWeekendDays.length === 0
                  ? t('law.calendar.noneWorked')
                  : calendar.data.inForce.workedWeekendDays.map((day) => formatDate(day, language)).join(', ')}
              </b>
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Table striped verticalSpacing={4} aria-label={t('law.calendar.daysOff')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('law.calendar.date')}</Table.Th>
                  <Table.Th>{t('law.calendar.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calendar.data.inForce.daysOff.map((day) => (
                  <Table.Tr key={day.date}>
                    <Table.Td>{formatDate(day.date, language)}</Table.Td>
                    <Table.Td>{reasonText(day.reason)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <div>
              <Text size="sm" fw={500}>
                {t('law.calendar.sources')}
              </Text>
              {calendar.data.inForce.sources.map((source) => (
                <Text size="sm" key={source} translate="no">
                  {source}
                </Text>
              ))}
            </div>
          </SimpleGrid>
        </InForceCard>
      )}
      <AmendmentsTable table="calendar" year={year} />
    </Stack>
  );
}
