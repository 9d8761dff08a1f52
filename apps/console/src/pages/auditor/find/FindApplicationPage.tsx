import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REGION_CODES } from '@domain/shared/region';
import { PagedList } from '../../../components/PagedList';
import { useCursorPages } from '../../../components/cursor-pages';
import { formatInstant } from '../../../format';
import type { Language } from '../../../i18n';
import { applicationsPage } from '../audit-api';
import type { ApplicationsQuery } from '../audit-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES = ['submitted', 'signed', 'under-review', 'reviewed', 'included', 'refused', 'withdrawn'] as const;

/**
 * The auditor's way in: an application by its id, or found by region, status, IIN or name. The list
 * comes with personal data masked, as every answer to an auditor (ADR 26).
 */
export function FindApplicationPage() {
  const { t, i18n } = useTranslation('auditor');
  const language = i18n.language as Language;
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const [idError, setIdError] = useState<string | undefined>();
  const [region, setRegion] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [iin, setIin] = useState('');
  const [name, setName] = useState('');
  const [filter, setFilter] = useState<ApplicationsQuery>({});
  const found = useCursorPages(['audit', 'applications', filter], (cursor) => applicationsPage(filter, cursor));

  const open = () => {
    const wanted = id.trim().replace(/^application-/, '');
    if (!UUID.test(wanted)) return setIdError(t('find.badId'));
    void navigate(`/audit/applications/${wanted.toLowerCase()}`);
  };
  const search = () =>
    setFilter({
      ...(region ? { region: region as ApplicationsQuery['region'] } : {}),
      ...(status ? { status: status as ApplicationsQuery['status'] } : {}),
      ...(iin.trim() ? { iin: iin.trim() } : {}),
      ...(name.trim() ? { name: name.trim() } : {}),
    });

  return (
    <Stack gap="md">
      <Title order={2}>{t('find.title')}</Title>
      <Card withBorder component="section" aria-labelledby="open-by-id">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            open();
          }}
        >
          <Title order={3} size="h4" id="open-by-id" mb="xs">
            {t('find.byId')}
          </Title>
          <Group align="flex-start">
            <TextInput
              aria-labelledby="open-by-id"
              placeholder="3f0c5a7e-8d1b-4c2e-9a6f-1b2c3d4e5f60"
              value={id}
              onChange={(event) => {
                setId(event.currentTarget.value);
                setIdError(undefined);
              }}
              error={idError}
              w={420}
              ff="monospace"
            />
            <Button type="submit">{t('find.open')}</Button>
          </Group>
        </form>
      </Card>
      <Card withBorder component="section" aria-labelledby="search-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="search-title">
            {t('find.search')}
          </Title>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              search();
            }}
          >
            <Group align="flex-end">
              <Select
                label={t('find.region')}
                data={REGION_CODES.map((code) => ({ value: code, label: t(`region.${code}`, { ns: 'domain' }) }))}
                value={region}
                onChange={setRegion}
                clearable
                searchable
                w={230}
              />
              <Select
                label={t('find.status')}
                data={STATUSES.map((code) => ({ value: code, label: t(`status.${code}`, { ns: 'domain' }) }))}
                value={status}
                onChange={setStatus}
                clearable
                w={200}
              />
              <TextInput
                label={t('find.iin')}
                value={iin}
                onChange={(event) => setIin(event.currentTarget.value)}
                w={160}
              />
              <TextInput
                label={t('find.name')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                w={220}
              />
              <Button type="submit" variant="light">
                {t('find.submit')}
              </Button>
            </Group>
          </form>
          <PagedList pages={found} empty={t('find.none')}>
            {(items) => (
              <Table.ScrollContainer minWidth={900}>
                <Table striped highlightOnHover verticalSpacing="xs" aria-labelledby="search-title">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('find.application')}</Table.Th>
                      <Table.Th>{t('find.applicant')}</Table.Th>
                      <Table.Th>{t('find.region')}</Table.Th>
                      <Table.Th>{t('find.status')}</Table.Th>
                      <Table.Th>{t('find.submitted')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((item) => (
                      <Table.Tr key={item.applicationId}>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/audit/applications/${item.applicationId}`}
                            ff="monospace"
                            size="sm"
                          >
                            {item.applicationId}
                          </Anchor>
                        </Table.Td>
                        <Table.Td translate="no">
                          <Text size="sm">{item.applicantName}</Text>
                          <Text size="xs" c="dimmed">
                            {item.applicantIin}
                          </Text>
                        </Table.Td>
                        <Table.Td>{t(`region.${item.region}`, { ns: 'domain' })}</Table.Td>
                        <Table.Td>
                          <Badge variant="light">{t(`status.${item.status}`, { ns: 'domain' })}</Badge>
                        </Table.Td>
                        <Table.Td>{formatInstant(item.submittedAt, language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </PagedList>
        </Stack>
      </Card>
    </Stack>
  );
}
