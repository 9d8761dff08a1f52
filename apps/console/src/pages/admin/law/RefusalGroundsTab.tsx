import { Badge, Card, Group, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { AmendmentsTable } from './AmendmentsTable';
import { refusalGrounds } from './law-api';

/** The grounds a refusal may cite, labelled in the three languages; retired ones are no longer offered. */
export function RefusalGroundsTab() {
  const { t } = useTranslation('admin');
  const grounds = useQuery({ queryKey: ['law', 'refusal-grounds'], queryFn: refusalGrounds });
  return (
    <Stack gap="md">
      {grounds.error && <ProblemAlert problem={grounds.error} />}
      {grounds.isPending && <Loading />}
      {grounds.data && (
        <Card withBorder component="section" aria-labelledby="grounds-title">
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h4" id="grounds-title">
              {t('law.grounds.title')}
            </Title>
            <Badge variant="light">{t('law.version', { version: grounds.data.version })}</Badge>
          </Group>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing={4} aria-labelledby="grounds-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('law.grounds.code')}</Table.Th>
                  <Table.Th>{t('law.grounds.kk')}</Table.Th>
                  <Table.Th>{t('law.grounds.ru')}</Table.Th>
                  <Table.Th>{t('law.grounds.en')}</Table.Th>
                  <Table.Th>{t('law.grounds.explanation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grounds.data.grounds.map((ground) => (
                  <Table.Tr key={ground.code}>
                    <Table.Td ff="monospace" fz="xs" translate="no">
                      {ground.code}
                    </Table.Td>
                    <Table.Td lang="kk" translate="no">
                      {ground.labels.kk}
                    </Table.Td>
                    <Table.Td lang="ru" translate="no">
                      {ground.labels.ru}
                    </Table.Td>
                    <Table.Td lang="en" translate="no">
                      {ground.labels.en}
                    </Table.Td>
                    <Table.Td>{ground.explanationRequired ? t('law.grounds.required') : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <AmendmentsTable table="refusal-grounds" />
    </Stack>
  );
}
