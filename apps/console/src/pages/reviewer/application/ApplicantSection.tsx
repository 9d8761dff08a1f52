import { Card, SimpleGrid, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetails } from '../../../api/shapes';
import { formatDate } from '../../../format';
import type { Language } from '../../../i18n/messages';
import { Field } from './Field';
import { fullName, type SubmittedApplicant, type SubmittedContacts, type SubmittedFamilyMember } from './submission';

/** Who applies, how to reach them, where they move, and who moves with them. */
export function ApplicantSection({ details }: { details: ApplicationDetails }) {
  const { t, i18n } = useTranslation('reviewer');
  const language = i18n.language as Language;
  const applicant = details.applicant as SubmittedApplicant;
  const contacts = details.contacts as SubmittedContacts;
  const family = details.familyMembers as SubmittedFamilyMember[];
  const settlement = details.settlement as { kind?: string; name?: string };
  const word = (group: string, value: string | undefined) =>
    value ? t(`${group}.${value}`, { defaultValue: value }) : '—';
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="sm">
        {t('application.applicant')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Field label={t('application.name')} testId="applicant-name">
          {fullName(applicant.name)}
        </Field>
        <Field label={t('application.nameLatin')}>{applicant.nameLatin ? fullName(applicant.nameLatin) : '—'}</Field>
        <Field label={t('application.iin')}>
          <span style={{ fontFamily: 'monospace' }}>{applicant.iin ?? '—'}</span>
        </Field>
        <Field label={t('application.birthDate')}>{formatDate(applicant.birthDate, language)}</Field>
        <Field label={t('application.category')}>{t(`category.${details.category}`, { ns: 'domain' })}</Field>
        <Field label={t('application.maritalStatus')}>{word('marital', applicant.maritalStatus)}</Field>
        {applicant.kandasStatus && (
          <Field label={t('application.kandasCertificate')}>
            {`№ ${applicant.kandasStatus.certificateNumber ?? '—'}, ${formatDate(applicant.kandasStatus.issuedOn, language)}`}
          </Field>
        )}
        {applicant.resettler && (
          <Field label={t('application.careerCentre')}>
            {`${applicant.resettler.careerCentre?.name ?? '—'}, № ${applicant.resettler.careerCentre?.registrationNumber ?? '—'}`}
          </Field>
        )}
        <Field label={t('application.phone')}>{contacts.phone ?? '—'}</Field>
        <Field label={t('application.email')}>{contacts.email ?? '—'}</Field>
        <Field label={t('application.address')}>{contacts.address ?? '—'}</Field>
        <Field label={t('application.region')}>{t(`region.${details.region}`, { ns: 'domain' })}</Field>
        <Field label={t('application.settlement')}>
          {[word('settlement', settlement.kind), settlement.name].filter(Boolean).join(' — ')}
        </Field>
        <Field label={t('application.year')}>{details.year}</Field>
      </SimpleGrid>
      <Title order={4} size="h5" mt="md" mb="xs">
        {t('application.family', { count: details.persons })}
      </Title>
      {family.length === 0 ? (
        <Field label="">{t('application.noFamily')}</Field>
      ) : (
        <Table verticalSpacing={4} data-testid="family">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('application.relation')}</Table.Th>
              <Table.Th>{t('application.name')}</Table.Th>
              <Table.Th>{t('application.birthDate')}</Table.Th>
              <Table.Th>{t('application.identity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {family.map((member, index) => (
              <Table.Tr key={index}>
                <Table.Td>{word('relation', member.relation)}</Table.Td>
                <Table.Td>{fullName(member.name)}</Table.Td>
                <Table.Td>{formatDate(member.birthDate, language)}</Table.Td>
                <Table.Td>
                  {member.iin ? (
                    <span style={{ fontFamily: 'monospace' }}>{`${t('application.iin')} ${member.iin}`}</span>
                  ) : member.foreignDocument ? (
                    `${member.foreignDocument.kind ?? ''} № ${member.foreignDocument.number ?? '—'} (${member.foreignDocument.issuingCountry ?? '—'})`
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
