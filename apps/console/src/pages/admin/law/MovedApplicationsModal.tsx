import { Badge, Group, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PagedList } from '../../../components/PagedList';
import { useCursorPages } from '../../../components/cursor-pages';
import { formatDate, formatInstant } from '../../../format';
import type { Language } from '../../../i18n';
import { movedPage } from './law-api';
import type { Amendment } from './law-api';

/** The pending reviews whose deadline one amendment moved: the due day before and after, and the flags it took back. */
export function MovedApplicationsModal({ amendment, onClose }: { amendment: Amendment; onClose: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  const moved = useCursorPages(['law', 'moved', amendment.eventId], (cursor) => movedPage(amendment.eventId, cursor));
  return (
    <Modal opened onClose={onClose} size="xl" title={t('law.moved.title', { version: amendment.version })}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('law.moved.caption')}
      </Text>
      <PagedList pages={moved} empty={t('law.moved.none')}>
        {(items) => (
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('law.moved.application')}</Table.Th>
                <Table.Th>{t('law.moved.before')}</Table.Th>
                <Table.Th>{t('law.moved.after')}</Table.Th>
                <Table.Th>{t('law.moved.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.position}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {item.applicationId}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDate(item.previous.dueOn, language)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {formatDate(item.deadline.dueOn, language)}
                      {item.corrected.map((flag) => (
                        <Badge key={flag} size="xs" color="orange" variant="light">
                          {t(`law.moved.corrected.${flag}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatInstant(item.rescheduledAt, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedList>
    </Modal>
  );
}
